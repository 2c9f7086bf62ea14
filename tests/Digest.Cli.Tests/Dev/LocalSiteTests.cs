using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Digest.Core.Delivery;
using Digest.Core.Storage;
using Digest.Testing;
using MimeKit;

namespace Digest.Cli.Tests.Dev;

/// <summary>
/// Issue 13, local links: a watching `digest dev` serves the unsubscribe page (the Functions app's handler) and the web
/// archive on localhost, at the base URL the emails use, and nothing else of the store.
/// </summary>
public sealed class LocalSiteTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly int _port = LocalPorts.Free();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Dev_LinksFromAnEmail_UnsubscribeAndArchiveWork()
    {
        var environment = new Dictionary<string, string> { ["AzureWebJobsStorage"] = "", ["Digest__PublicBaseUrl"] = $"http://localhost:{_port}" };
        var store = _dir.Combine("store");
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, environment, "subscribers", "import", Repository.SeedSubscribers, "--store", store)).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, environment, "upload", Repository.Seeds, "--store", store)).ExitCode);

        using var dev = Start(environment, "dev", "--now", "--store", store, "--outbox", _dir.Combine("outbox"));
        try
        {
            var deadline = Stopwatch.StartNew();
            while (Emails().Length < 3 && deadline.Elapsed < TimeSpan.FromSeconds(90) && !dev.HasExited)
            {
                await Task.Delay(250);
            }

            Assert.Equal(3, Emails().Length);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var email = await MimeMessage.LoadAsync(Emails()[0]);
            var link = email.Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>');
            Assert.StartsWith($"http://localhost:{_port}/api/unsubscribe?token=", link);

            using var confirm = await http.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
            Assert.Contains("Unsubscribe?", await confirm.Content.ReadAsStringAsync());
            Assert.Equal("DENY", confirm.Headers.GetValues("X-Frame-Options").Single());
            Assert.Contains("frame-ancestors 'none'", confirm.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal(0, await UnsubscribedAsync(store));

            using var oneClick = await http.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
            Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
            Assert.Contains("Unsubscribed", await oneClick.Content.ReadAsStringAsync());
            Assert.Equal(1, await UnsubscribedAsync(store));

            var day = Directory.GetDirectories(Path.Combine(store, Containers.Digests)).Select(Path.GetFileName).Single()!;
            using var page = await http.GetAsync($"http://localhost:{_port}/digests/{day}/index.html");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Kim Jong Un", await page.Content.ReadAsStringAsync());
            Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
            using var index = await http.GetAsync($"http://localhost:{_port}/digests/index.html");
            Assert.Equal(HttpStatusCode.OK, index.StatusCode);
            Assert.Contains(day, await index.Content.ReadAsStringAsync());

            Assert.NotNull(page.Headers.ETag);
            using var conditional = new HttpRequestMessage(HttpMethod.Get, $"http://localhost:{_port}/digests/{day}/index.html");
            conditional.Headers.IfNoneMatch.Add(page.Headers.ETag);
            using var notModified = await http.SendAsync(conditional);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

            // Issue 19 item 17: a trailing newline is a 404 (was a 500); every answer, /, 404s and 405s included,
            // carries the security headers, and none names the server.
            foreach (var path in new[] { "/digests/../state/receipts", "/digests/%2e%2e/subscribers/x.json", $"/digests/{day}/digest.json", $"/digests/{day}/send-plan.json", "/digests/..%2fsubscribers", "/subscribers/", "/digests/index.html%0a", "/digests/index.html%0A", "/state/x.json" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://localhost:{_port}{path}", UriKind.Absolute));
                using var response = await http.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
                Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
                AssertSecurityHeaders(response, path);
            }

            using var root = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }).GetAsync($"http://localhost:{_port}/");
            Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
            AssertSecurityHeaders(root, "/");
            using var post = await http.PostAsync($"http://localhost:{_port}/digests/index.html", new StringContent("x"));
            Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
            AssertSecurityHeaders(post, "POST /digests/index.html");
            Assert.False(page.Headers.Contains("Server"));
        }
        finally
        {
            dev.Kill(entireProcessTree: true);
            await dev.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Dev_PortTaken_FailsWithOneLineNamingThePort()
    {
        using var taken = new TcpListener(IPAddress.Loopback, _port);
        taken.Start();

        var (code, output) = await CliProcess.RunAsync(_dir.Path, new Dictionary<string, string> { ["AzureWebJobsStorage"] = "" }, "dev", "--store", _dir.Combine("store"), "--port", $"{_port}");

        Assert.Equal(1, code);
        var error = Assert.Single(output.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains($"localhost:{_port}", error);
        Assert.Contains("--no-serve", error);
        Assert.DoesNotContain("   at ", output);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), what + ": no Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp.Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Server"), what + ": Server header");
    }

    private string[] Emails() => Directory.Exists(_dir.Combine("outbox")) ? Directory.GetFiles(_dir.Combine("outbox"), "*.eml") : [];

    private static async Task<int> UnsubscribedAsync(string store)
    {
        var count = 0;
        await foreach (var subscriber in new SubscriberDirectory(new FileSystemBlobStore(store)).ListAsync())
        {
            count += subscriber.Status == SubscriberStatus.Unsubscribed ? 1 : 0;
        }

        return count;
    }

    private Process Start(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        CliProcess.Start(_dir.Path, environment, _ => { }, args);
}
