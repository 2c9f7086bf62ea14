using Microsoft.Playwright;

namespace Digest.Cli.Preview;

/// <summary>
/// Debian's Chromium driven by Playwright (Playwright's own browser download is not used: the machines this is built
/// on cannot reach it). The executable is /usr/bin/chromium unless DIGEST_CHROMIUM names another.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static string ExecutablePath => Environment.GetEnvironmentVariable("DIGEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <exception cref="InvalidOperationException">Chromium is not installed.</exception>
    public static async Task<HeadlessChromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Chromium not found at {ExecutablePath}: install Debian's chromium (apt-get install -y chromium) or set DIGEST_CHROMIUM.");
        }

        var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Arguments }).ConfigureAwait(false);
            return new HeadlessChromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A page of <paramref name="width"/> CSS pixels in the colour scheme asked for, with <paramref name="html"/> loaded and every network request refused.</summary>
    public async Task<IPage> OpenAsync(string html, int width, bool dark)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
            ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light,
            JavaScriptEnabled = true,
        }).ConfigureAwait(false);
        await context.RouteAsync("**/*", route => route.AbortAsync()).ConfigureAwait(false);
        var page = await context.NewPageAsync().ConfigureAwait(false);
        await page.SetContentAsync(html).ConfigureAwait(false);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync().ConfigureAwait(false);
        _playwright.Dispose();
    }
}
