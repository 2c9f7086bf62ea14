namespace Digest.Core.Digests;

/// <summary>
/// Markup the HTML template writes as is. Only Digest builds one: the output of <c>include</c>, which was itself
/// rendered by the escaping context. Every other value a template outputs is HTML-encoded (<see cref="HtmlTemplateContext"/>).
/// </summary>
internal sealed record TrustedHtml(string Value)
{
    /// <summary>The markup (so string functions applied to it see the text; their result is a string and is encoded again).</summary>
    public override string ToString() => Value;
}
