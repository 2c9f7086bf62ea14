namespace Digest.Core.Articles.Building;

/// <summary>
/// Thrown from inside a parser's walk when the input exceeds its <see cref="ParseBudget"/>. A separate type because
/// <see cref="ArticleParser"/> must catch exactly this (a rejection with a reason) and nothing a library throws.
/// </summary>
internal sealed class ParseBudgetExceededException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
