using System.CommandLine;
using System.Text.Json;
using Digest.Cli.Commands;
using Digest.Cli.Hosting;
using Digest.Cli.Run;
using Digest.Cli.Tests.Dev;
using Digest.Core.Delivery;
using Digest.Core.Storage;
using Digest.Testing;

namespace Digest.Cli.Tests.Burst;

/// <summary>
/// Small versions of the burst runs in docs/operations.md "Reliability and scale" (5,000 through `run`, 10,000 through `dev`):
/// every generated article accounted for by `digest status`.
/// </summary>
public sealed class BurstTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly OwnAzurite _azurite = new();

    public void Dispose()
    {
        _azurite.Dispose();
        _dir.Dispose();
    }

    private static async Task<(int Code, JsonElement Status, string Text)> StatusAsync(params string[] args)
    {
        var output = new StringWriter();
        var code = await new RootCommand { StatusCommand.Create() }.Parse(["status", "--json", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (code, JsonSerializer.Deserialize<JsonElement>(output.ToString()), output.ToString());
    }

    [Fact]
    public async Task Run_500GeneratedArticles_AllAccountedFor()
    {
        var inputs = _dir.Combine("in");
        Directory.CreateDirectory(inputs);
        for (var i = 0; i < 500; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(inputs, $"a{i:D5}.txt"), GeneratedArticles.Text(i));
        }

        await File.WriteAllBytesAsync(Path.Combine(inputs, "empty.txt"), []);
        var day = new DateOnly(2025, 9, 2);
        await new LocalRun(CliConfiguration.Build()).ExecuteAsync(new RunRequest([inputs], Repository.SeedSubscribers, _dir.Combine("out"), null, day));

        var (code, status, text) = await StatusAsync("--day", "2025-09-02", "--store", _dir.Combine("out", ".store"));

        Assert.True(code == 0, text);
        var uploads = status.GetProperty("uploads");
        Assert.Equal(501, uploads.GetProperty("total").GetInt32());
        Assert.Equal(500, uploads.GetProperty("parsed").GetInt32());
        Assert.Equal(1, uploads.GetProperty("quarantined").GetInt32());
        Assert.Equal(500, status.GetProperty("parsedArticles").GetInt32());
        Assert.Equal(500, status.GetProperty("digest").GetProperty("articles").GetInt32());
        Assert.Equal(3, status.GetProperty("emails").GetProperty("accepted").GetInt32());
    }

    [AzuriteFact]
    public async Task Dev_1000UploadsOnAzurite_AllAccountedFor()
    {
        var store = await _azurite.StartStoreAsync();
        var storage = _azurite.ConnectionString;
        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await store.PutAsync(Containers.Articles, $"a{i:D5}.txt", BinaryData.FromString(GeneratedArticles.Text(i)), new BlobWriteOptions { ContentType = "text/plain" }, ct));
        var directory = new SubscriberDirectory(store);
        for (var i = 0; i < 5; i++)
        {
            await directory.PutAsync(new Subscriber($"burst{i}@example.com", null, SubscriberStatus.Active, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []));
        }

        var env = new Dictionary<string, string> { ["AzureWebJobsStorage"] = storage, ["Digest__UnsubscribeSigningKey"] = new string('s', 40) };
        var (devCode, devOutput) = await CliProcess.RunAsync(_dir.Path, env, "dev", "--now", "--once", "--outbox", _dir.Combine("outbox"));
        Assert.True(devCode == 0, devOutput);

        var day = Containers.Day(new Core.DigestOptions().DayOf(TimeProvider.System.GetUtcNow()));
        var (code, status, text) = await StatusAsync("--day", day, "--storage", storage);

        Assert.True(code == 0, text);
        Assert.Equal(1000, status.GetProperty("uploads").GetProperty("parsed").GetInt32());
        Assert.Equal(1000, status.GetProperty("digest").GetProperty("articles").GetInt32());
        Assert.Equal(5, status.GetProperty("emails").GetProperty("accepted").GetInt32());
        Assert.Equal(5, Directory.GetFiles(_dir.Combine("outbox"), "*.eml").Length);
    }

    /// <summary>The script behind the 10,000-upload figures in docs/operations.md, at 200: its own Azurite, upload, parse, build, send, status.</summary>
    [AzuriteFact]
    public async Task ScaleRunScript_200Uploads_AllAccountedFor()
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "tools", "scale-run.sh"));
        start.ArgumentList.Add("200");
        start.Environment["DIGEST"] = "dotnet " + Path.Combine(AppContext.BaseDirectory, "digest.dll");
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5)))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
        }

        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, output);
        var summary = JsonSerializer.Deserialize<JsonElement>(output.Split('\n').Single(l => l.StartsWith("{\"day\"", StringComparison.Ordinal)));
        Assert.True(summary.GetProperty("reconciles").GetBoolean(), output);
        Assert.Equal(200, summary.GetProperty("uploads").GetProperty("parsed").GetInt32());
        Assert.Equal(200, summary.GetProperty("digest").GetProperty("articles").GetInt32());
        Assert.Contains("outbox: 3 emails", output);
        foreach (var step in new[] { "upload", "parse", "build", "send", "status" })
        {
            Assert.Matches($"(?m)^{step} +[0-9.]+ s wall  peak RSS +[0-9]+ MB", output);
        }
    }
}
