using System.Text;
using Digest.Core.Delivery;
using Digest.Core.Digests;
using Digest.Core.Stories;
using Microsoft.Extensions.Options;

namespace Digest.Core.Tests.Digests;

public sealed class DigestRendererTests
{
    private static DigestRenderer Renderer() => new(Options.Create(new DigestOptions { Title = "Daily Digest" }));

    [Fact]
    public void Render_OneStory_ShowsHeadlineSummarySourcesAndUnsubscribeTag()
    {
        var rendered = Renderer().Render(DigestFixtures.Digest(DigestFixtures.Story("Kim arrives in Beijing")));

        foreach (var body in new[] { rendered.Html, rendered.Text })
        {
            Assert.Contains("Kim arrives in Beijing", body);
            Assert.Contains("First summary sentence.", body);
            Assert.Contains("The Post News", body);
            Assert.Contains("Kim arrives in Beijing (version 2)", body);
            Assert.Contains("An extra fact only this source has.", body);
            Assert.Contains(EmailTags.UnsubscribeUrl, body);
            Assert.Contains("Tuesday 2 September 2025", body);
        }

        Assert.Equal("Kim arrives in Beijing · Tue 2 Sep", rendered.Subject);
    }

    [Fact]
    public void Render_Email_LinksTheDaysWebPageAndCarriesFooterBasics()
    {
        var renderer = new DigestRenderer(Options.Create(new DigestOptions { PublicBaseUrl = "https://digest.example.com/", PostalAddress = "1 Harbour Road, Port Town" }));

        var rendered = renderer.Render(DigestFixtures.Digest(DigestFixtures.Story("A"), DigestFixtures.Story("B")));

        foreach (var body in new[] { rendered.Html, rendered.Text })
        {
            Assert.Contains("https://digest.example.com/digests/2025-09-02/index.html", body);
            Assert.Contains("https://digest.example.com/digests/index.html", body);
            Assert.Contains("1 Harbour Road, Port Town", body);
            Assert.Contains(EmailTags.UnsubscribeUrl, body);
            Assert.Contains("because you subscribed", body);
        }

        Assert.Contains(">View in browser</a>", rendered.Html);
    }

    [Fact]
    public void Render_ThirtyStories_LeadFirstThenInBriefOfTheOtherSevenInFullThenTheRestOneLineEach()
    {
        var stories = Enumerable.Range(1, 30).Select(i => DigestFixtures.Story($"Story {i:D2}", sources: 2)).ToArray();

        var rendered = Renderer().Render(DigestFixtures.Digest(stories));
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(rendered.Html);

        Assert.Equal(7, document.QuerySelectorAll("ol.b li").Length);
        Assert.Equal(8, document.QuerySelectorAll("h2 a").Length);
        Assert.Equal(22, document.QuerySelectorAll("ul.b li").Length);
        Assert.Equal("Story 01", document.QuerySelector("h2 a")!.TextContent); // the lead comes before any list
        var listed = document.QuerySelectorAll(".b li a").Select(a => a.TextContent).ToArray();
        Assert.Equal(29, listed.Distinct().Count()); // no story listed twice, the lead not at all
        Assert.DoesNotContain("Story 01", listed);
        Assert.All(Enumerable.Range(1, 30), i => Assert.Contains($"{i}. Story {i:D2}", rendered.Text));
        Assert.Contains("30 stories from 2 outlets", rendered.Html); // "The Post News" and example.com, not 60 articles
        Assert.StartsWith("Story 01 · Tue 2 Sep", rendered.Subject);
        Assert.Contains("Also: Story 02 · Story 03", rendered.Html); // the preheader teases the next two
    }

    [Theory]
    [InlineData(10, "Short headline · Tue 2 Sep")]
    [InlineData(200, null)]
    public void Render_Subject_LeadsWithTheTopHeadlineAndFitsIn80(int length, string? expected)
    {
        var headline = length == 10 ? "Short headline" : string.Concat(Enumerable.Repeat("Word ", length / 5));

        var subject = Renderer().Render(DigestFixtures.Digest(DigestFixtures.Story(headline))).Subject;

        Assert.True(subject.Length <= 80, subject);
        Assert.StartsWith(headline[..Math.Min(40, headline.Length)], subject);
        Assert.EndsWith("· Tue 2 Sep", subject);
        if (expected is not null)
        {
            Assert.Equal(expected, subject);
        }
    }

    [Fact]
    public void Render_StoriesOverTheLimit_SaysHowManyWereLeftOut()
    {
        var rendered = Renderer().Render(DigestFixtures.Digest(DigestFixtures.Story("A")) with { OmittedStories = 3 });

        Assert.Contains("3 smaller stories over the limit of 150 not listed.", rendered.Html);
        Assert.Contains("3 smaller stories over the limit of 150 not listed.", rendered.Text);
    }

    [Fact]
    public void Render_Html_IsEmailSafe()
    {
        var html = Renderer().Render(DigestFixtures.Digest(DigestFixtures.Story("A"))).Html;

        Assert.Contains("<html lang=\"en\"", html);
        Assert.Contains("role=\"presentation\"", html);
        Assert.Contains("width=\"600\"", html);
        Assert.Contains("name=\"color-scheme\"", html);
        Assert.Contains("display:none", html); // preheader
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    [InlineData("' onmouseover='alert(1)")]
    public void Render_HostileText_IsEscapedInHtml(string hostile)
    {
        var story = DigestFixtures.Story("Headline " + hostile) with { Summary = ["Body " + hostile] };

        var rendered = Renderer().Render(DigestFixtures.Digest(story));

        Assert.DoesNotContain(hostile, rendered.Html);
        Assert.DoesNotContain("<script>alert", rendered.Html);
        Assert.DoesNotContain("<img src=x", rendered.Html);
        Assert.Contains(hostile, rendered.Text); // plain text needs no escaping
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    public void Render_UnsafeSourceUrl_IsNotLinked(string url)
    {
        var story = DigestFixtures.Story("A") with { Sources = [new StorySource("a1", "Outlet", "T", new Uri(url), null, [])] };

        var rendered = Renderer().Render(DigestFixtures.Digest(story));

        Assert.DoesNotContain("javascript:", rendered.Html);
        Assert.DoesNotContain("data:text", rendered.Html);
    }

    [Fact]
    public void Render_SourceWithoutOutletOrLink_IsAnUnknownSourceShownWithItsHeadline()
    {
        var story = DigestFixtures.Story("A") with { Sources = [new StorySource("a1", null, "Only a headline", null, null, [])] };

        var text = Renderer().Render(DigestFixtures.Digest(story)).Text;

        Assert.Contains("  - Unknown source: Only a headline", text);
    }

    [Fact]
    public void Render_SourceWithoutOutlet_IsNamedAfterItsLinksHost()
    {
        var story = DigestFixtures.Story("A") with { Sources = [new StorySource("a1", null, "A headline", new Uri("https://www.bbc.co.uk/news/1"), null, [])] };

        var text = Renderer().Render(DigestFixtures.Digest(story)).Text;

        Assert.Contains("  - BBC News: A headline", text);
    }

    [Fact]
    public void Render_SourceWhoseTitleIsTheHeadline_ShowsItsOutletOnly()
    {
        var story = DigestFixtures.Story("A") with
        {
            Headline = "Same title",
            Sources = [new StorySource("a1", "Wire", "Same title", null, null, []), new StorySource("a2", "Post", "Other title", null, null, [])],
        };

        var text = Renderer().Render(DigestFixtures.Digest(story)).Text;

        Assert.Contains("  - Wire\n", text.ReplaceLineEndings("\n"));
        Assert.Contains("  - Post: Other title", text);
    }

    [Fact]
    public void Render_TitleWithLineBreak_SubjectIsOneLine()
    {
        var story = DigestFixtures.Story("Evil\r\nBcc: victim@example.com");

        var subject = Renderer().Render(DigestFixtures.Digest(story)).Subject;

        Assert.DoesNotContain('\r', subject);
        Assert.DoesNotContain('\n', subject);
    }

    [Fact]
    public void Render_DevelopingStory_IsMarked()
    {
        var rendered = Renderer().Render(DigestFixtures.Digest(DigestFixtures.Story("A", developing: true)));

        Assert.Contains("Developing", rendered.Html);
        Assert.Contains("New today: 2 sources; first reported Mon 1 Sep", rendered.Html);
        Assert.Contains("[developing. New today: 2 sources; first reported Mon 1 Sep]", rendered.Text);
    }

    [Fact]
    public void Render_NoStories_SaysSo()
    {
        var rendered = Renderer().Render(DigestFixtures.Digest());

        Assert.Contains("No new stories today.", rendered.Html);
        Assert.Contains("No new stories today.", rendered.Text);
    }

    [Fact]
    public void Render_ThirtyLongStories_HtmlUnder60KB()
    {
        var stories = Enumerable.Range(1, 30).Select(i => DigestFixtures.Story($"Story number {i} with a reasonably long headline about world events", sources: 4) with
        {
            Summary = [new string('x', 300), new string('y', 300), new string('z', 200)],
        }).ToArray();

        var html = Renderer().Render(DigestFixtures.Digest(stories)).Html;

        Assert.True(Encoding.UTF8.GetByteCount(html) < 60 * 1024, $"HTML is {Encoding.UTF8.GetByteCount(html)} bytes");
    }

    [Fact]
    public void Render_Text_LinesWrapAt76()
    {
        var story = DigestFixtures.Story("A") with { Summary = [string.Join(' ', Enumerable.Repeat("word", 60))] };

        var text = Renderer().Render(DigestFixtures.Digest(story)).Text;

        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= 76 || !line.Contains(' '), line));
    }

    [Fact]
    public void Render_TemplateOverride_IsUsed()
    {
        var templates = DigestTemplates.Embedded.With(DigestTemplates.TextName, "custom {{ digest.title }} {{ for story in digest.stories }}[{{ story.headline }}]{{ end }}");

        var text = Renderer().Render(DigestFixtures.Digest(DigestFixtures.Story("X")), templates).Text;

        Assert.Equal("custom Daily Digest [X]\n", text);
    }
}
