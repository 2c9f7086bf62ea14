using Digest.Core.Articles.Building;
using Digest.Core.Articles.Heuristics;
using Digest.Core.Articles.Text;

namespace Digest.Core.Articles.Formats.Html;

/// <summary>
/// HTML through AngleSharp (an HTML5-conformant parser, so broken markup is repaired the way browsers do).
/// Metadata by precedence: title og:title &gt; JSON-LD headline &gt; h1 &gt; title; outlet og:site_name &gt;
/// JSON-LD publisher; published article:published_time &gt; JSON-LD datePublished &gt; time[datetime]; byline
/// meta author &gt; JSON-LD author &gt; rel=author / .byline; link og:url &gt; canonical &gt; JSON-LD url.
/// Text comes from the content element the scan picks, as plain text only.
/// </summary>
internal static class HtmlArticleParser
{
    public static DraftResult Parse(string html, DiagnosticBag diagnostics, ParseBudget budget)
    {
        using var document = BoundedHtmlParser.Parse(html, budget);
        var scan = HtmlDocumentScan.Run(document, budget);
        var jsonLd = JsonLdArticle.Find(scan.JsonLd, diagnostics);
        var outlet = First(Meta(scan, "og:site_name"), jsonLd?.Publisher);
        var draft = new ArticleDraft
        {
            Title = First(Meta(scan, "og:title"), jsonLd?.Headline, VisibleText.Of(scan.FirstH1), WithoutSiteName(VisibleText.Of(scan.TitleElement), outlet)),
            Outlet = outlet,
            Byline = First(Meta(scan, "author"), jsonLd?.Author, VisibleText.Of(scan.BylineElement)),
            Language = First(document.DocumentElement?.GetAttribute("lang"), jsonLd?.Language, Meta(scan, "og:locale"), Meta(scan, "content-language")),
        };
        draft.Url = ChooseUrl(Meta(scan, "og:url"), scan.Canonical, jsonLd?.Url);
        draft.Published = DateParser.Parse(
            First(Meta(scan, "article:published_time"), jsonLd?.DatePublished, scan.FirstTimeDateTime, Meta(scan, "datePublished"), Meta(scan, "date")),
            diagnostics);

        var root = scan.FindContentRoot() ?? document.Body;
        if (root is not null)
        {
            HtmlContentWalker.Walk(root, draft, budget);
        }

        return draft;
    }

    // "Council Passes Budget | City Wire" -> "Council Passes Budget", when the suffix is the outlet's name.
    private static string WithoutSiteName(string title, string? outlet)
    {
        if (outlet is null)
        {
            return title;
        }

        foreach (var separator in (string[])[" | ", " - ", " – ", " — ", " :: ", " · "])
        {
            var suffix = separator + outlet;
            if (title.Length > suffix.Length && title.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return title[..^suffix.Length];
            }
        }

        return title;
    }

    private static string? Meta(HtmlDocumentScan scan, string key) => scan.Meta.GetValueOrDefault(key);

    private static string? First(params string?[] candidates) =>
        candidates.Select(TextNormalizer.CleanOrNull).FirstOrDefault(c => c is not null);

    // The first http(s) candidate; when there is none, the first candidate anyway so the builder reports it dropped.
    private static string? ChooseUrl(params string?[] candidates)
    {
        var present = candidates.Select(TextNormalizer.CleanOrNull).OfType<string>().ToArray();
        return present.FirstOrDefault(c => Uri.TryCreate(c, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps))
            ?? present.FirstOrDefault();
    }
}
