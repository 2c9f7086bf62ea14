namespace Digest.Core.Articles;

/// <summary>Outcome of parsing one input: an article, or the reason there is none. Bad input is data, not an exception.</summary>
public sealed record ArticleParseResult(Article? Article, IReadOnlyList<ParseDiagnostic> Diagnostics)
{
    public bool Succeeded => Article is not null;

    /// <summary>
    /// The work the parse cost, in parse-budget steps (deterministic: the same input costs the same on any machine).
    /// Inputs past the bound (20 million by default) are rejected as "too-complex".
    /// </summary>
    public long Steps { get; init; }

    /// <summary>The first error's message: why the input was rejected.</summary>
    public string? RejectionReason =>
        Article is null ? Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.Message ?? "no article could be read" : null;

    public static ArticleParseResult Rejected(string code, string message, IEnumerable<ParseDiagnostic>? earlier = null) =>
        new(null, [.. earlier ?? [], new ParseDiagnostic(DiagnosticSeverity.Error, code, message)]);
}
