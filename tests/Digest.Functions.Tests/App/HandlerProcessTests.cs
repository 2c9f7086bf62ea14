using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Digest.Core.Delivery;
using Digest.Core.Storage;
using Digest.Functions.Tests.Support;
using Digest.Testing;

namespace Digest.Functions.Tests.App;

/// <summary>
/// Starts the published handler as the Functions host does (FUNCTIONS_CUSTOMHANDLER_PORT set, `dotnet
/// Digest.Functions.dll` in the app root) and sends each function's invocation over real HTTP.
/// </summary>
[Collection(PublishedAppCollection.Name)]
public sealed class HandlerProcessTests(PublishedAppFixture app) : IAsyncLifetime
{
    private readonly TempDirectory _store = new();
    private readonly StringBuilder _output = new();
    private Process? _process;
    private HttpClient _client = new();

    public async Task InitializeAsync()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", ["Digest.Functions.dll"])
        {
            WorkingDirectory = app.AppRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Digest__UnsubscribeSigningKey"] = HandlerFactory.SigningKey;
        start.Environment["Digest__StorePath"] = _store.Path;
        start.Environment["Digest__Title"] = "Harbour Town Daily";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };

        // Wait until it listens (the host does the same before sending invocations).
        for (var attempt = 0; attempt < 300; attempt++)
        {
            Assert.False(_process.HasExited, "the handler exited early:\n" + _output);
            try
            {
                using var probe = await _client.GetAsync("/api/unsubscribe");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        Assert.Fail("the handler did not start listening:\n" + _output);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _store.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Process_AnswersEachFunctionPerTheProtocol()
    {
        var store = new FileSystemBlobStore(_store.Path);
        await store.PutAsync(Containers.Articles, "2025/09/harbour-ferry.txt", BinaryData.FromString("Harbour ferry timetable changes\nRuns every 20 minutes.\n"));
        var directory = new SubscriberDirectory(store);
        var now = DateTimeOffset.UtcNow;
        await directory.PutAsync(new Subscriber("reader@example.org", null, SubscriberStatus.Active, now, now, []));
        var token = new UnsubscribeToken(HandlerFactory.SigningKey).Create("daily", SubscriberKey.For("reader@example.org"));

        // Blob trigger: parsed, written to the store the process was configured with.
        var parse = await Payloads.ReadAnswerAsync(await Payloads.InvokeAsync(_client, "ParseArticle", "blob-trigger.json"));
        Assert.Equal(200, parse.Status);
        Assert.True(Directory.GetFiles(Path.Combine(_store.Path, Containers.Parsed), "*.json", SearchOption.AllDirectories).Length == 1, parse.AllLogs);

        // Queue trigger with an unusable message: handled (200) and parked, never retried.
        var send = await Payloads.ReadAnswerAsync(await Payloads.InvokeAsync(_client, "SendDigest", "queue-malformed.json"));
        Assert.Equal(200, send.Status);
        Assert.Single(Directory.GetFiles(Path.Combine(_store.Path, Containers.Digests, "parked"), "*.json", SearchOption.AllDirectories));

        // Timer trigger: the answer follows the protocol whatever the job does (the job itself is tested elsewhere).
        var build = await Payloads.ReadAnswerAsync(await Payloads.InvokeAsync(_client, "BuildDigest", "timer.json"));
        Assert.Contains(build.Status, new[] { 200, 500 });
        Assert.StartsWith("Timer fired for digest day ", build.Logs[0], StringComparison.Ordinal);

        // Malformed invocation: 400.
        var malformed = await Payloads.ReadAnswerAsync(await _client.PostAsync("/ParseArticle", Payloads.Json("{\"Data\":{},\"Metadata\":{}}")));
        Assert.Equal(400, malformed.Status);

        // Forwarded HTTP trigger: GET changes nothing, the one-click POST unsubscribes.
        var get = await _client.SendAsync(Payloads.ForwardedRequest("http-unsubscribe-get.json", token));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(SubscriberStatus.Active, (await directory.GetAsync(SubscriberKey.For("reader@example.org")))!.Status);
        var post = await _client.SendAsync(Payloads.ForwardedRequest("http-unsubscribe-post.json", token));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await directory.GetAsync(SubscriberKey.For("reader@example.org")))!.Status);

        // The process logged every step (its console output arrives asynchronously), without the address or the key.
        var output = await OutputContainingAsync("Unsubscribe POST: unsubscribed");
        Assert.Contains("Unsubscribe POST: unsubscribed for subscriber " + SubscriberKey.For("reader@example.org"), output, StringComparison.Ordinal);
        Assert.DoesNotContain("reader@example.org", output, StringComparison.Ordinal);
        Assert.DoesNotContain(HandlerFactory.SigningKey, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_BlobTriggerWithLargeContent_IsStillAnInvocationNotA413()
    {
        // The host sends the blob's bytes in Data; above Kestrel's 30 MB default the handler must still answer.
        var store = new FileSystemBlobStore(_store.Path);
        await store.PutAsync(Containers.Articles, "big.txt", BinaryData.FromString("Big upload\nBody.\n"));
        var body = System.Text.Json.JsonSerializer.Serialize(new
        {
            Data = new { article = new string('x', 40 * 1024 * 1024) },
            Metadata = new { name = "big.txt", BlobTrigger = "articles/big.txt" },
        });

        var answer = await Payloads.ReadAnswerAsync(await _client.PostAsync("/ParseArticle", Payloads.Json(body)));

        Assert.Equal(200, answer.Status);
        Assert.StartsWith("Parsed big.txt", answer.Logs[0], StringComparison.Ordinal);
    }

    private async Task<string> OutputContainingAsync(string text)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            lock (_output)
            {
                if (_output.ToString().Contains(text, StringComparison.Ordinal))
                {
                    return _output.ToString();
                }
            }

            await Task.Delay(50);
        }

        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
