using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Digest.Core.Articles.Text;

namespace Digest.Core.Articles.Building;

/// <summary>Validates a draft and turns it into an <see cref="Article"/>: cleans fields, checks the URL and language, hashes.</summary>
internal static partial class ArticleBuilder
{
    public const int IdLength = 16;

    public static ArticleParseResult Build(ArticleDraft draft, string sourceName, ArticleFormat format, DiagnosticBag diagnostics)
    {
        var title = TextNormalizer.CleanInline(draft.Title);
        if (title.Length == 0)
        {
            return diagnostics.Reject("no-title", $"No headline found in the {Describe(format)} input.");
        }

        var sections = draft.Sections
            .Where(s => s.Paragraphs.Count > 0)
            .Select(s => new ArticleSection(s.Heading, s.Paragraphs.ToArray()))
            .ToArray();
        if (sections.Length == 0)
        {
            return diagnostics.Reject("no-body", $"The {Describe(format)} input has a headline (\"{Shorten(title)}\") but no body text.");
        }

        var body = string.Join("\n\n", sections.SelectMany(s => s.Paragraphs));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n\n" + body)));
        var article = new Article(
            hash[..IdLength],
            title,
            TextNormalizer.CleanOrNull(draft.Outlet),
            CleanByline(draft.Byline),
            CheckUrl(draft.Url, diagnostics),
            draft.Published,
            sections,
            draft.Captions.ToArray(),
            CheckLanguage(draft.Language, diagnostics),
            hash,
            sourceName,
            format) { Dateline = TextNormalizer.CleanOrNull(draft.Dateline) };
        return new ArticleParseResult(article, diagnostics.Items.ToArray());
    }

    /// <summary>Only absolute http and https links are kept: javascript:, data:, file: and relative links are dropped.</summary>
    internal static Uri? CheckUrl(string? url, DiagnosticBag diagnostics)
    {
        var text = TextNormalizer.CleanOrNull(url);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri;
        }

        diagnostics.Warning("url-dropped", $"The link \"{Shorten(text)}\" is not an absolute http or https URL; it was dropped.");
        return null;
    }

    internal static string CheckLanguage(string? language, DiagnosticBag diagnostics)
    {
        var text = TextNormalizer.CleanOrNull(language)?.Replace('_', '-');
        if (text is null)
        {
            return "en";
        }

        if (LanguageTag().IsMatch(text))
        {
            return text;
        }

        diagnostics.Warning("invalid-language", $"\"{Shorten(text)}\" is not a language tag; \"en\" is assumed.");
        return "en";
    }

    internal static string? CleanByline(string? byline)
    {
        var text = TextNormalizer.CleanOrNull(byline);
        if (text is null)
        {
            return null;
        }

        text = BylinePrefix().Replace(text, string.Empty).Trim();
        return text.Length == 0 ? null : text;
    }

    internal static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private static string Describe(ArticleFormat format) => ArticleFormats.Of(format).Name;

    // BCP 47, loosely: a 2-3 letter primary subtag, then alphanumeric subtags of up to 8 characters.
    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex(@"^(?:(?:written|posted|reported)\s+)?by\s*:?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex BylinePrefix();
}
