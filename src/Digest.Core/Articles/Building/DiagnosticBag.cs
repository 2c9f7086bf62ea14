namespace Digest.Core.Articles.Building;

/// <summary>Collects what the parser notices while it reads one input.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<ParseDiagnostic> _items = [];

    public IReadOnlyList<ParseDiagnostic> Items => _items;

    public void Info(string code, string message) => _items.Add(new ParseDiagnostic(DiagnosticSeverity.Info, code, message));

    public void Warning(string code, string message) => _items.Add(new ParseDiagnostic(DiagnosticSeverity.Warning, code, message));

    public ArticleParseResult Reject(string code, string message) => ArticleParseResult.Rejected(code, message, _items);
}
