using System.Text.Json;
using Digest.Cli.Tests.Dev;
using Digest.Testing;

namespace Digest.Cli.Tests.Commands;

/// <summary>
/// Issue 13, acceptance 3: the walkthrough (import, upload, dev --now --once) delivers one email per imported
/// subscriber; a subscriber added after the build gets the day's digest from `digest send`, and nobody else does.
/// Run as processes, as an operator would.
/// </summary>
public sealed class SendCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly OwnAzurite _azurite = new();

    public void Dispose()
    {
        _azurite.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public Task Walkthrough_FileSystemStore_OneEmailEachThenSendReachesOnlyTheNewcomer() =>
        WalkthroughAsync("", ["--store", _dir.Combine("store")]);

    [AzuriteFact]
    public async Task Walkthrough_Azurite_OneEmailEachThenSendReachesOnlyTheNewcomer()
    {
        await _azurite.StartStoreAsync();
        // As the README: AzureWebJobsStorage set once, the commands without storage options.
        await WalkthroughAsync(_azurite.ConnectionString, []);
    }

    [Fact]
    public async Task Build_RebuildBeforeAnyEmail_RecomposesAndAfterASend_Refuses()
    {
        var environment = new Dictionary<string, string> { ["AzureWebJobsStorage"] = "" };
        string[] storage = ["--store", _dir.Combine("store")];
        await CliProcess.RunAsync(_dir.Path, environment, ["subscribers", "import", Repository.SeedSubscribers, .. storage]);
        await CliProcess.RunAsync(_dir.Path, environment, ["upload", Repository.Seeds, .. storage]);
        await CliProcess.RunAsync(_dir.Path, environment, ["dev", "--once", "--outbox", _dir.Combine("none"), .. storage]); // parses, builds nothing

        var (built, _) = await CliProcess.RunAsync(_dir.Path, environment, ["build", .. storage]);
        var (rebuilt, rebuiltOut) = await CliProcess.RunAsync(_dir.Path, environment, ["build", "--rebuild", .. storage]);
        var (sent, _) = await CliProcess.RunAsync(_dir.Path, environment, ["send", "--outbox", _dir.Combine("sent"), .. storage]);
        var (refused, refusedOut) = await CliProcess.RunAsync(_dir.Path, environment, ["build", "--rebuild", .. storage]);

        Assert.Equal(0, built);
        Assert.Equal(0, rebuilt);
        Assert.Contains("Rebuilding ", rebuiltOut);
        Assert.Contains("composed", rebuiltOut);
        Assert.Equal(0, sent);
        Assert.Equal(3, Directory.GetFiles(_dir.Combine("sent"), "*.eml").Length);
        Assert.Equal(1, refused);
        Assert.StartsWith("error: ", refusedOut.Trim());
        Assert.Contains("cannot be rebuilt", refusedOut);
        Assert.DoesNotContain("   at ", refusedOut);
    }

    private async Task WalkthroughAsync(string azureWebJobsStorage, string[] storage)
    {
        var environment = new Dictionary<string, string> { ["AzureWebJobsStorage"] = azureWebJobsStorage };
        async Task<string> Digest(params string[] args)
        {
            var (code, output) = await CliProcess.RunAsync(_dir.Path, environment, [.. args, .. storage]);
            Assert.True(code == 0, $"digest {string.Join(' ', args)} exited {code}:\n{output}");
            return output;
        }

        await Digest("subscribers", "import", Repository.SeedSubscribers);
        await Digest("upload", Repository.Seeds);
        await Digest("dev", "--now", "--once", "--outbox", _dir.Combine("first"));
        var imported = JsonDocument.Parse(await File.ReadAllTextAsync(Repository.SeedSubscribers)).RootElement.GetArrayLength();
        Assert.Equal(imported, Directory.GetFiles(_dir.Combine("first"), "*.eml").Length);

        await Digest("subscribers", "add", "newcomer@example.com", "--name", "New Comer");
        var json = await Digest("send", "--json", "--outbox", _dir.Combine("second"));
        var again = await Digest("send", "--outbox", _dir.Combine("third"));

        var newcomer = Assert.Single(Directory.GetFiles(_dir.Combine("second"), "*.eml"));
        Assert.Contains("newcomer@example.com", await File.ReadAllTextAsync(newcomer));
        var outcome = JsonDocument.Parse(json.Trim().Split('\n')[^1]).RootElement;
        Assert.Equal(1, outcome.GetProperty("newRecipients").GetInt32());
        Assert.Equal(1, outcome.GetProperty("emailsSent").GetInt32());
        Assert.Equal(imported, outcome.GetProperty("alreadySent").GetInt32());
        Assert.False(Directory.Exists(_dir.Combine("third")) && Directory.GetFiles(_dir.Combine("third"), "*.eml").Length > 0, "a second send emailed someone again");
        Assert.Contains("0 emails sent", again);
        Assert.Contains($"{imported + 1} already sent", again);

        // status counts what send reported: the newcomer's plan is planned too.
        var status = await Digest("status");
        Assert.Contains($"{imported + 1} planned: {imported + 1} accepted, 0 failed", status);
        Assert.Contains("Reconciles", status);
    }
}
