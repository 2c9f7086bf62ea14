using System.CommandLine;
using System.Text.Json;
using Digest.Cli.Commands;
using Digest.Cli.Hosting;
using Digest.Cli.Run;
using Digest.Core.Delivery;
using Digest.Core.Json;
using Digest.Core.Storage;
using Digest.Testing;

namespace Digest.Cli.Tests.Dev;

public sealed class DevAgainstAzuriteTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly OwnAzurite _azurite = new();

    public void Dispose()
    {
        _azurite.Dispose();
        _dir.Dispose();
    }

    private static Task<int> InvokeAsync(params string[] args) =>
        new RootCommand { UploadCommand.Create(), DevCommand.Create() }.Parse(args).InvokeAsync();

    [AzuriteFact]
    public async Task UploadThenDevNowOnce_ProducesTheSameDigestAsTheFileSystemRun()
    {
        var store = await _azurite.StartStoreAsync();
        var storage = _azurite.ConnectionString;
        var directory = new SubscriberDirectory(store);
        foreach (var email in new[] { "a@example.com", "b@example.com", "c@example.com" })
        {
            await directory.PutAsync(new Subscriber(email, null, SubscriberStatus.Active, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []));
        }

        var seeds = Directory.GetFiles(Repository.Seeds);
        Assert.Equal(0, await InvokeAsync(["upload", .. seeds, "--storage", storage]));
        Assert.Equal(0, await InvokeAsync("dev", "--now", "--once", "--storage", storage, "--outbox", _dir.Combine("outbox")));

        var day = new Core.DigestOptions().DayOf(TimeProvider.System.GetUtcNow());
        var (digest, _) = await store.ReadAsync(Containers.Digests, Containers.DigestJson(day), DigestJsonContext.Stored.DigestDocument);
        Assert.NotNull(digest);
        Assert.NotNull(await store.GetAsync(Containers.Digests, Containers.DigestHtml(day)));
        Assert.NotNull(await store.GetAsync(Containers.Digests, Containers.DigestText(day)));
        var parsed = new List<string>();
        await foreach (var blob in store.ListAsync(Containers.Parsed, Containers.Day(day) + "/"))
        {
            parsed.Add(blob.Name);
        }

        Assert.Equal(2, parsed.Count);
        Assert.Equal(3, Directory.GetFiles(_dir.Combine("outbox"), "*.eml").Length);

        // The file-system run of the same inputs on the same day composes the same stories.
        await new LocalRun(CliConfiguration.Build()).ExecuteAsync(new RunRequest([Repository.Seeds], null, _dir.Combine("fs"), null, day));
        var local = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(_dir.Combine("fs", "digest.json")), DigestJsonContext.Stored.DigestDocument)!;
        Assert.Equal(
            JsonSerializer.Serialize(local.Stories, DigestJsonContext.Stored.IReadOnlyListStory),
            JsonSerializer.Serialize(digest.Stories, DigestJsonContext.Stored.IReadOnlyListStory));
    }

    [AzuriteFact]
    public async Task DevTwice_SameBlobVersion_ParsedOnce_ChangedBlobParsedAgain()
    {
        var store = await _azurite.StartStoreAsync();
        var storage = _azurite.ConnectionString;
        var seed = Directory.GetFiles(Repository.Seeds)[0];

        await InvokeAsync("upload", seed, "--storage", storage);
        await InvokeAsync("dev", "--once", "--storage", storage, "--outbox", _dir.Combine("outbox"));

        // A second host (a new process: no memory of the first) sees the same blob version: the receipt stops it.
        var provider = CliServices.Build(CliConfiguration.Build(), TimeProvider.System, _dir.Combine("outbox"), StorageSelection.Choose(CliConfiguration.Build(), storage, null).Register);
        var host = new Cli.Dev.DevHost(provider, new Cli.Dev.DevOptions());
        var again = await host.RunOnceAsync(buildNow: false, CancellationToken.None);

        Assert.Equal(0, again.ArticlesParsed);
        Assert.Equal(1, again.ArticlesSkipped);

        await store.PutAsync(Containers.Articles, Path.GetFileName(seed), BinaryData.FromString("Changed headline\n\nA changed body that makes this a different article entirely."));
        var changed = await host.RunOnceAsync(buildNow: false, CancellationToken.None);
        Assert.Equal(1, changed.ArticlesParsed);
        await provider.DisposeAsync();
    }

    [AzuriteFact]
    public async Task DevOnce_CorruptBlob_QuarantinedOnceWithItsReason()
    {
        var store = await _azurite.StartStoreAsync();
        var storage = _azurite.ConnectionString;
        await store.PutAsync(Containers.Articles, "corrupt.png", BinaryData.FromBytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]));

        await InvokeAsync("dev", "--once", "--storage", storage, "--outbox", _dir.Combine("outbox"));
        await InvokeAsync("dev", "--once", "--storage", storage, "--outbox", _dir.Combine("outbox"));

        var (rejection, _) = await store.ReadAsync(Containers.Quarantine, Containers.QuarantineReason("corrupt.png"), DigestJsonContext.Stored.Rejection);
        Assert.False(string.IsNullOrWhiteSpace(rejection!.Reason));
        Assert.NotNull(await store.GetAsync(Containers.Articles, "corrupt.png")); // the original is kept
        Assert.NotNull(await store.GetAsync(Containers.Quarantine, "corrupt.png"));
        var receipts = 0;
        await foreach (var _ in store.ListAsync(Containers.State, "receipts/"))
        {
            receipts++;
        }

        Assert.Equal(1, receipts);
    }

    [AzuriteFact]
    public async Task TwoDevProcessesTogether_OneDigestAndExactlyOneEmailPerSubscriber()
    {
        Assert.True(TestServices.SmtpPort is not null && TestServices.MaildevUrl is not null, "needs maildev too (./test.sh starts it)");
        var store = await _azurite.StartStoreAsync();
        var storage = _azurite.ConnectionString;
        var title = "TwoHosts " + Guid.NewGuid().ToString("N")[..8];
        var directory = new SubscriberDirectory(store);
        var emails = Enumerable.Range(1, 6).Select(i => $"two{i}.{title[^8..]}@example.com").ToArray();
        foreach (var email in emails)
        {
            await directory.PutAsync(new Subscriber(email, null, SubscriberStatus.Active, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []));
        }

        foreach (var seed in Directory.GetFiles(Repository.Seeds))
        {
            await store.PutAsync(Containers.Articles, Path.GetFileName(seed), BinaryData.FromBytes(await File.ReadAllBytesAsync(seed)));
        }

        var environment = new Dictionary<string, string>
        {
            ["Email__Provider"] = "Smtp",
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = TestServices.SmtpPort!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Digest__Title"] = title,
            ["Digest__PostalAddress"] = "1 Harbour Road, Port Town",
            ["Digest__UnsubscribeSigningKey"] = new string('k', 40),
        };
        var runs = await Task.WhenAll(
            CliProcess.RunAsync(_dir.Path, environment, "dev", "--now", "--once", "--storage", storage),
            CliProcess.RunAsync(_dir.Path, environment, "dev", "--now", "--once", "--storage", storage));

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Output));
        var digests = new List<string>();
        await foreach (var blob in store.ListAsync(Containers.Digests))
        {
            if (blob.Name.EndsWith("/digest.json", StringComparison.Ordinal))
            {
                digests.Add(blob.Name);
            }
        }

        var day = Assert.Single(digests)[..^"/digest.json".Length];
        Assert.Contains("Kim Jong Un", (await store.GetAsync(Containers.Digests, day + "/index.html"))!.Content.ToString()); // the web archive page
        Assert.Contains(day + "/index.html", (await store.GetAsync(Containers.Digests, Containers.ArchiveIndex))!.Content.ToString());
        var received = await Maildev.WaitForAsync(title, emails.Length);
        Assert.Equal(emails.Order(), received.Order());
    }
}

