using System.Text;
using Digest.Cli.Preview;
using Digest.Core;
using Digest.Core.Digests;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Digest.Cli.Tests.Preview;

/// <summary>
/// The digest as a reader sees it, in headless Chromium (Debian's chromium, installed by test.sh): a synthetic
/// 30-story day, as email and as web page, at 375 and 600 px, light and dark.
/// </summary>
public sealed class DigestVisualTests(ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    private static readonly DigestOptions Options = new() { PublicBaseUrl = "https://digest.example.com", PostalAddress = "1 Harbour Road, Port Town, PT1 2AB" };

    public static readonly TheoryData<string, int, bool> Views = new()
    {
        { "email", 375, false }, { "email", 375, true }, { "email", 600, false }, { "email", 600, true },
        { "web", 375, false }, { "web", 375, true }, { "web", 600, false }, { "web", 600, true },
    };

    private static IReadOnlyList<(string Name, string Html)> Documents() =>
        PreviewScreenshots.Documents(new DigestRenderer(Microsoft.Extensions.Options.Options.Create(Options)), SyntheticDigest.Create(30), Options);

    private static string Html(string name) => Documents().Single(d => d.Name == name).Html;

    [Theory]
    [MemberData(nameof(Views))]
    public async Task Render_ThirtyStories_NoOverflowEveryTextMeetsAaLinksSafeAndTappable(string name, int width, bool dark)
    {
        var page = await chromium.Browser.OpenAsync(Html(name), width, dark);
        var audit = await PageAudit.RunAsync(page);
        await page.Context.CloseAsync();
        output.WriteLine($"{name} {width} {(dark ? "dark" : "light")}: {audit.TextElements} texts, lowest contrast {audit.MinContrast:F2}, {audit.Links.Count} links, lowest link {audit.Links.Min(l => l.Height):F1} px, {audit.ScrollWidth} px wide");

        Assert.True(audit.ScrollWidth <= audit.ViewportWidth, $"{audit.ScrollWidth} px wide in a {audit.ViewportWidth} px viewport");
        Assert.True(audit.TextElements > 50, $"only {audit.TextElements} text elements measured");
        Assert.True(audit.ContrastFailures.Count == 0, string.Join("\n", audit.ContrastFailures));
        Assert.True(audit.MinContrast >= 4.5, $"lowest contrast {audit.MinContrast:F2}");
        Assert.All(audit.Links, link => Assert.True(
            link.Href.StartsWith("https://", StringComparison.Ordinal) || link.Href.StartsWith("mailto:", StringComparison.Ordinal)
            || (link.Source && link.Href.StartsWith("http://", StringComparison.Ordinal)),
            $"link '{link.Text}' -> {link.Href}"));
        Assert.All(audit.Links, link => Assert.True(link.Visible && link.Height >= 24, $"link '{link.Text}' is {link.Height:F1} px high, visible {link.Visible}"));
        if (name == "email")
        {
            Assert.Contains(audit.Links, l => l.Text == "Unsubscribe" && l.Visible && l.Href.StartsWith("https://digest.example.com/api/unsubscribe?token=", StringComparison.Ordinal));
            Assert.Contains(audit.Links, l => l.Text == "View in browser" && l.Visible && l.Href == "https://digest.example.com/digests/2025-09-02/index.html");
        }
        else
        {
            Assert.Contains(audit.Links, l => l.Text == "Past digests" && l.Visible && l.Href == "https://digest.example.com/digests/index.html");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Render_ThirtyStories_PhoneFirstScreenHoldsTheLeadAndNoListRepeatsAStory(bool dark)
    {
        var page = await chromium.Browser.OpenAsync(Html("email"), 375, dark);
        var layout = await page.EvaluateAsync<string>("""
            () => {
              const lead = document.querySelector('td[id]');
              const top = el => el ? el.getBoundingClientRect().top + scrollY : 1e9;
              const lists = [...document.querySelectorAll('ol, ul')].map(l => [...l.querySelectorAll(':scope > li a')].map(a => a.getAttribute('href')));
              return JSON.stringify({ headline: top(lead && lead.querySelector('h2')), sentence: top(lead && lead.querySelector('p.t')),
                text: lead ? lead.querySelector('h2').textContent : '', lists,
                listed: [...document.querySelectorAll('.b li a')].map(a => a.getAttribute('href')) });
            }
            """);
        await page.Context.CloseAsync();
        var result = System.Text.Json.JsonDocument.Parse(layout).RootElement;
        output.WriteLine(layout[..Math.Min(400, layout.Length)]);

        Assert.Equal(SyntheticDigest.Create(30).Stories[0].Headline, result.GetProperty("text").GetString());
        Assert.InRange(result.GetProperty("headline").GetDouble(), 0, 812);
        Assert.InRange(result.GetProperty("sentence").GetDouble(), 0, 812);
        foreach (var list in result.GetProperty("lists").EnumerateArray())
        {
            var links = list.EnumerateArray().Select(l => l.GetString()).ToArray();
            Assert.Equal(links.Length, links.Distinct().Count());
        }

        // "In brief" and "Also today" together name each story once, and never the lead shown above them.
        var listed = result.GetProperty("listed").EnumerateArray().Select(l => l.GetString()).ToArray();
        Assert.Equal(29, listed.Length);
        Assert.Equal(29, listed.Distinct().Count());
    }

    [Fact]
    public void Render_ThirtyStories_EmailHtmlUnder60KB()
    {
        var bytes = Encoding.UTF8.GetByteCount(Html("email"));
        output.WriteLine($"HTML part of the 30-story email: {bytes} bytes");

        Assert.True(bytes < 60 * 1024, $"HTML part is {bytes} bytes");
    }

    [Fact]
    public async Task Audit_PageWithFaintTextTinyLinkAndOverflow_ReportsEachProblem()
    {
        var page = await chromium.Browser.OpenAsync(
            """<body style="margin:0;background:#fff"><p style="color:#999">faint</p><p style="color:#eee;background:#222">fine</p><a href="javascript:x" style="font-size:10px;line-height:10px">tiny</a><div style="width:500px">wide</div></body>""",
            375,
            dark: false);
        var audit = await PageAudit.RunAsync(page);
        await page.Context.CloseAsync();

        Assert.Equal(500, audit.ScrollWidth);
        Assert.Single(audit.ContrastFailures); // #999 on white is 2.85:1; #eee on #222 passes
        Assert.InRange(audit.MinContrast, 2.8, 2.9);
        var link = Assert.Single(audit.Links);
        Assert.Equal("javascript:x", link.Href);
        Assert.True(link.Height < 24);
    }

    [Fact]
    public async Task WriteAsync_EightScreenshots_ArePngFiles()
    {
        var folder = Path.Combine(Path.GetTempPath(), "digest-preview-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = await PreviewScreenshots.WriteAsync(Documents(), folder);

            Assert.Equal(8, files.Count);
            Assert.Equal(8, files.Distinct().Count());
            Assert.All(files, f => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(f)[..4]));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>One Chromium for the visual tests.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    internal HeadlessChromium Browser { get; private set; } = null!;

    public async Task InitializeAsync() => Browser = await HeadlessChromium.LaunchAsync();

    public async Task DisposeAsync() => await Browser.DisposeAsync();
}
