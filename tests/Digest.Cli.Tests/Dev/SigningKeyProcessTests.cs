using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Digest.Core.Storage;
using Digest.Testing;
using MimeKit;

namespace Digest.Cli.Tests.Dev;

/// <summary>
/// Issue 19, item 11, on real processes: without Digest__UnsubscribeSigningKey, every `digest` process on one store
/// signs with the store's one key (state/keys/unsubscribe-signing-key), whichever folder it runs in and however many
/// start at once, so a watching `digest dev` accepts every link any of them put in an email.
/// </summary>
public sealed class SigningKeyProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly int _port = LocalPorts.Free();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ThreeCommandsAtOnceInAFreshFolder_AndASendFromAnotherFolder_AllLinksValidateOnTheServingDev()
    {
        var fresh = Directory.CreateDirectory(_dir.Combine("fresh")).FullName;
        var elsewhere = Directory.CreateDirectory(_dir.Combine("elsewhere")).FullName;
        var store = _dir.Combine("store");
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = "",
            ["Digest__PublicBaseUrl"] = $"http://localhost:{_port}",
            ["Digest__BatchSize"] = "2",
            ["Digest__TimeZone"] = "UTC",
        };
        var subscribers = _dir.Combine("subscribers.json");
        await File.WriteAllTextAsync(subscribers, JsonSerializer.Serialize(Enumerable.Range(0, 30).Select(i => new { email = $"reader{i}@example.com" })));
        Assert.Equal(0, (await CliProcess.RunAsync(fresh, environment, "subscribers", "import", subscribers, "--store", store)).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(fresh, environment, "upload", Repository.Seeds, "--store", store)).ExitCode);
        Assert.False(File.Exists(Path.Combine(store, "state", "keys", "unsubscribe-signing-key")), "import or upload already made the key: the race below would not be one");

        // Three commands at once in the fresh folder: each needs the key before it does anything; all send batches.
        var runs = Enumerable.Range(0, 3)
            .Select(i => CliProcess.RunAsync(fresh, environment, "dev", "--now", "--once", "--store", store, "--outbox", _dir.Combine($"outbox{i}")))
            .ToArray();
        foreach (var (code, output) in await Task.WhenAll(runs))
        {
            Assert.True(code == 0, output);
        }

        // A subscriber added later, sent to by `digest send` run from another working directory.
        var late = _dir.Combine("late.json");
        await File.WriteAllTextAsync(late, """[{ "email": "late.reader@example.com" }]""");
        Assert.Equal(0, (await CliProcess.RunAsync(elsewhere, environment, "subscribers", "import", late, "--store", store)).ExitCode);
        var (sendCode, sendOutput) = await CliProcess.RunAsync(elsewhere, environment, "send", "--store", store, "--outbox", _dir.Combine("outbox-elsewhere"));
        Assert.True(sendCode == 0, sendOutput);

        var emails = Directory.GetFiles(_dir.Path, "*.eml", SearchOption.AllDirectories);
        Assert.Equal(31, emails.Length);
        Assert.Single(Directory.GetFiles(Path.Combine(_dir.Combine("outbox-elsewhere")), "*.eml"));

        // The serving process, started from a third folder, accepts every link.
        var serving = Directory.CreateDirectory(_dir.Combine("serving")).FullName;
        using var dev = CliProcess.Start(serving, environment, _ => { }, "dev", "--store", store, "--outbox", _dir.Combine("outbox-serving"), "--port", $"{_port}");
        try
        {
            await LocalPorts.WaitForListenerAsync(_port, "digest dev's local site");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            foreach (var email in emails)
            {
                var message = await MimeMessage.LoadAsync(email);
                var link = message.Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>');
                Assert.StartsWith($"http://localhost:{_port}/api/unsubscribe?token=", link);
                using var confirm = await http.GetAsync(link);
                Assert.True(confirm.StatusCode == HttpStatusCode.OK, $"{Path.GetRelativePath(_dir.Path, email)}: {confirm.StatusCode}");
                Assert.Contains("Unsubscribe?", await confirm.Content.ReadAsStringAsync());
            }

            // A link signed with another key is refused (the check above means something).
            var forged = (await MimeMessage.LoadAsync(emails[0])).Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>');
            using var refused = await http.GetAsync(forged[..^4] + (forged[^4..] == "AAAA" ? "BBBB" : "AAAA"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        finally
        {
            dev.Kill(entireProcessTree: true);
            await dev.WaitForExitAsync();
        }

        // One key, in the store; no folder has a key of its own.
        var keys = new List<string>();
        await foreach (var blob in new FileSystemBlobStore(store).ListAsync(Containers.State, "keys/"))
        {
            keys.Add(blob.Name);
        }

        Assert.Equal([Containers.UnsubscribeSigningKey], keys);
        Assert.False(Directory.Exists(Path.Combine(fresh, ".digest")));
        Assert.False(Directory.Exists(Path.Combine(elsewhere, ".digest")));
    }
}
