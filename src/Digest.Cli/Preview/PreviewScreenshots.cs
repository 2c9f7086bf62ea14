using Digest.Core;
using Digest.Core.Delivery;
using Digest.Core.Digests;

namespace Digest.Cli.Preview;

/// <summary>
/// Eight screenshots of one digest: the email and its web page, each at 375 px (a phone) and 600 px (the email's
/// design width), in the light and the dark colour scheme. Files: {email|web}-{375|600}-{light|dark}.png.
/// </summary>
internal static class PreviewScreenshots
{
    public static readonly int[] Widths = [375, 600];

    /// <summary>The email as a reader gets it (the unsubscribe tag filled with the unsubscribe page) and the web page.</summary>
    public static IReadOnlyList<(string Name, string Html)> Documents(DigestRenderer renderer, DigestDocument digest, DigestOptions options)
    {
        var email = renderer.Render(digest).Html;
        var recipient = new Dictionary<string, string>
        {
            [EmailTags.UnsubscribeUrl] = UnsubscribeLinks.PageUrl(options) + "?token=preview",
            [EmailTags.NameText] = string.Empty,
            [EmailTags.NameHtml] = string.Empty,
        };
        return [("email", EmailTags.Apply(email, recipient)), ("web", renderer.Render(digest, edition: DigestEdition.Web).Html)];
    }

    public static async Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<(string Name, string Html)> documents, string folder)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        await using var chromium = await HeadlessChromium.LaunchAsync().ConfigureAwait(false);
        foreach (var (name, html) in documents)
        {
            foreach (var width in Widths)
            {
                foreach (var dark in new[] { false, true })
                {
                    var page = await chromium.OpenAsync(html, width, dark).ConfigureAwait(false);
                    var path = Path.Combine(folder, $"{name}-{width}-{(dark ? "dark" : "light")}.png");
                    await page.ScreenshotAsync(new Microsoft.Playwright.PageScreenshotOptions { Path = path, FullPage = true }).ConfigureAwait(false);
                    await page.Context.CloseAsync().ConfigureAwait(false);
                    written.Add(path);
                }
            }
        }

        return written;
    }
}
