using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Digest.Core.Digests;
using Digest.Core.Stories;
using Microsoft.Extensions.Options;

namespace Digest.Core.Tests.Digests;

/// <summary>
/// Hostile text through every field the templates print. The HTML must have exactly the markup of a harmless digest
/// (no element or attribute added), carry no hostile string raw, and link only absolute http(s) URLs.
/// </summary>
public sealed class DigestRendererSecurityTests
{
    public static readonly TheoryData<string> Hostile =
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "' onmouseover='alert(1)",
        "javascript:alert(1)",
        "{{ digest.title }}{{ 7 * 7 }}{% raw %}",
        "line\r\nBcc: victim@example.com\rX",
        "\u202Egnp.exe\u202C \u2066isolate\u2069 \u200Fmark",
        "</style></title><!-- & &amp; `=",
    ];

    private static readonly string[] RawNeverInHtml =
        ["<script", "<img", "onerror=", "onmouseover=", "\r", "\u202E", "\u202C", "\u2066", "\u2069", "\u200F", "<!--", "</style></title>"];

    private static DigestRenderer Renderer(string title = "Daily Digest") => new(Options.Create(new DigestOptions { Title = title }));

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Render_HostileTextInEveryViewField_HtmlKeepsItsMarkupAndEncodesTheText(string hostile)
    {
        var html = Renderer().Render(View(hostile), "subject").Html;
        var harmless = Renderer().Render(View("plain"), "subject").Html;

        Assert.Equal(Shape(harmless), Shape(html));
        Assert.All(Forbidden(hostile), raw => Assert.DoesNotContain(raw, html, StringComparison.Ordinal));
        Assert.Equal(TextOf(View(hostile)), TextOf(Parse(html)));
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Render_HostileTextInEveryDigestField_HtmlIsEscapedAndOnlyHttpLinksReachAnHref(string hostile)
    {
        var story = new Story(
            "s1",
            "Headline " + hostile,
            ["Summary " + hostile, hostile],
            [
                new StorySource("a1", "Outlet " + hostile, "Title " + hostile, new Uri("https://example.com/a?q=" + Uri.EscapeDataString(hostile)), null, ["Adds " + hostile]),
                new StorySource("a2", null, "Untitled " + hostile, new Uri("javascript:alert(1)"), null, [hostile]),
                new StorySource("a3", hostile, hostile, new Uri("data:text/html,<script>alert(1)</script>"), null, []),
            ],
            DigestFixtures.Day.AddDays(-1),
            true,
            null);

        var rendered = Renderer("Digest " + hostile).Render(DigestFixtures.Digest(story));
        var harmless = Renderer("Digest").Render(DigestFixtures.Digest(story with { Headline = "H", Summary = ["S", "S"], Sources = [.. story.Sources.Select(s => s with { Outlet = s.Outlet is null ? null : "O", Title = "T", Additions = [.. s.Additions.Select(_ => "A")] })] }));

        Assert.Equal(Shape(harmless.Html), Shape(rendered.Html));
        Assert.All(Forbidden(hostile), raw => Assert.DoesNotContain(raw, rendered.Html, StringComparison.Ordinal));
        var hrefs = Parse(rendered.Html).QuerySelectorAll("[href]").Select(e => e.GetAttribute("href") ?? string.Empty).ToArray();
        const string web = "http://localhost:7071/digests/2025-09-02/index.html";
        Assert.Equal([web, web + "#s1", story.Sources[0].Url!.AbsoluteUri, web, "http://localhost:7071/digests/index.html", Core.Delivery.EmailTags.UnsubscribeUrl], hrefs);
        if (!hostile.Contains('\n', StringComparison.Ordinal))
        {
            Assert.Contains("Headline " + hostile, rendered.Text, StringComparison.Ordinal); // the text part is not encoded
        }
    }

    [Theory]
    [InlineData("{{ digest.title }}")]
    [InlineData("{{ digest.stories[0].headline }}")]
    [InlineData("{{ capture x }}{{ digest.title }}{{ end }}{{ x }}")]
    [InlineData("{{ digest.title | string.upcase }}")]
    [InlineData("{{ x = digest.title; x }}")]
    [InlineData("{{ [digest.title, digest.preheader] }}")]
    [InlineData("{{ include 'source.sbn-html' }}")]
    public void Render_OverrideThatForgetsToEscape_IsEscapedAnyway(string body)
    {
        var hostile = "<script>alert(1)</script>";
        var templates = DigestTemplates.Embedded
            .With(DigestTemplates.HtmlName, "<p>{{ source = digest.stories[0].sources[0] }}" + body + "</p>");

        var html = Renderer().Render(View(hostile), "subject", templates).Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("lt;script", html, StringComparison.OrdinalIgnoreCase); // encoded (twice after a capture: ugly, never unsafe)
    }

    [Theory]
    [InlineData("{{ '{{ 1 + 1 }}' | object.eval_template }}")]
    [InlineData("{{ object.eval '1 + 1' }}")]
    [InlineData("{{ include_join ['footer.sbn-html'] '' }}")]
    [InlineData("{{ include '../digest.sbn-html' }}")]
    [InlineData("{{ include 'digest.sbn-html' }}")]
    [InlineData("{{ include '/etc/passwd' }}")]
    public void Render_OverrideUsingEvalOrIncludingOutsideThePartials_Fails(string body)
    {
        var templates = DigestTemplates.Embedded.With(DigestTemplates.HtmlName, body);

        var error = Assert.Throws<DigestTemplateException>(() => Renderer().Render(View("x"), "subject", templates));

        Assert.Contains("digest.sbn-html(1,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OverrideWithAnEndlessLoop_StopsAtTheLoopLimit()
    {
        var templates = DigestTemplates.Embedded.With(DigestTemplates.TextName, "\n{{ while true }}x{{ end }}");

        var error = Assert.Throws<DigestTemplateException>(() => Renderer().Render(View("x"), "subject", templates));

        Assert.Contains("digest.sbn-txt(2,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OverrideThatIncludesItself_StopsAtTheRecursionLimit()
    {
        var templates = DigestTemplates.Embedded.With("partials/loop.sbn-html", "{{ include 'loop.sbn-html' }}").With(DigestTemplates.HtmlName, "{{ include 'loop.sbn-html' }}");

        var error = Assert.Throws<DigestTemplateException>(() => Renderer().Render(View("x"), "subject", templates));

        Assert.Contains("loop.sbn-html(1,", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Raw strings that must not reach the HTML for this hostile input (49: "{{ 7 * 7 }}" was evaluated).</summary>
    private static IEnumerable<string> Forbidden(string hostile) =>
        RawNeverInHtml.Where(raw => hostile.Contains(raw, StringComparison.Ordinal)).Append(hostile.Contains("{{ 7 * 7 }}", StringComparison.Ordinal) ? "49" : "<script");

    /// <summary>A view with <paramref name="text"/> in every string field (the URLs too, as if the filter were bypassed).</summary>
    private static DigestView View(string text)
    {
        var full = Story(1, text);
        var oneLiner = Story(2, text);
        return new(
            "Title " + text,
            "en",
            "Date " + text,
            "Short " + text,
            "Preheader " + text,
            "Stories " + text,
            "Outlets " + text,
            "Reading " + text,
            "https://example.com/unsubscribe?" + text,
            "https://example.com/web?" + text,
            "https://example.com/archive?" + text,
            "Address " + text,
            false,
            "Omitted " + text,
            3,
            "More " + text,
            [oneLiner],
            [full, oneLiner],
            [oneLiner]);
    }

    private static StoryView Story(int number, string text) => new(
        number, "s" + number, "https://example.com/web?" + text + "#s" + number, "Headline " + text, ["Summary " + text, "Second " + text], true,
        "New " + text, "First seen " + text, "Outlets " + text, "Count " + text,
        [
            new SourceView("Label " + text, "Title " + text, true, "https://example.com/?" + text, ["Adds " + text]),
            new SourceView("Label2 " + text, "Title2 " + text, true, null, ["Adds2 " + text]),
        ]);

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>Every element with its attribute names, in document order: what an injection would change.</summary>
    private static string[] Shape(string html) => [.. Parse(html).All.Select(e => e.LocalName + "[" + string.Join(",", e.Attributes.Select(a => a.Name)) + "]")];

    /// <summary>The fields' texts as they appear once parsed (so each was encoded, not interpreted).</summary>
    private static string[] TextOf(DigestView view) => [view.Title, view.Preheader, view.Stories[0].Headline, view.Stories[0].Sources[0].Label, view.AlsoToday[0].Headline];

    private static string[] TextOf(IDocument document) =>
    [
        document.QuerySelector("h1")!.TextContent,
        document.QuerySelector("div")!.TextContent.TrimEnd('\u2007', '\u034F'),
        document.QuerySelector("h2 a")!.TextContent,
        document.QuerySelector("ul.s li a")!.TextContent,
        document.QuerySelector("ul.b li a")!.TextContent,
    ];
}
