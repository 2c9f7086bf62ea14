using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Digest.Core.Storage;
using Digest.Testing;

namespace Digest.Cli.Tests.Dev;

/// <summary>
/// Issue 19, item 12: three `digest dev` watchers on one Azurite account parsed each upload about 2.8 times (the
/// receipt is written last). With a claim before the parse, the watchers share the work: each upload parsed once.
/// </summary>
public sealed partial class ConcurrentWatchersTests : IDisposable
{
    private const int Uploads = 60;
    private readonly TempDirectory _dir = new();
    private readonly OwnAzurite _azurite = new();

    public void Dispose()
    {
        _azurite.Dispose();
        _dir.Dispose();
    }

    [AzuriteFact]
    public async Task ThreeWatchers_UploadsArriving_EachParsedOnce()
    {
        var store = await _azurite.StartStoreAsync();
        var env = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["Digest__UnsubscribeSigningKey"] = new string('s', 40),
        };
        var lines = new ConcurrentQueue<string>();
        var watchers = Enumerable.Range(0, 3)
            .Select(i => CliProcess.Start(_dir.Path, env, lines.Enqueue, "dev", "--verbose", "--no-serve", "--outbox", _dir.Combine($"outbox{i}")))
            .ToArray();
        try
        {
            // Every watcher is polling before the uploads arrive, so all three see each new blob.
            await WaitAsync(() => Task.FromResult(lines.Count(l => l.StartsWith("Watching", StringComparison.Ordinal)) >= 3), TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromSeconds(3));
            await Parallel.ForEachAsync(Enumerable.Range(0, Uploads), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
                await store.PutAsync(Containers.Articles, $"w{i:D3}.txt", BinaryData.FromString(GeneratedArticles.Text(i)), new BlobWriteOptions { ContentType = "text/plain" }, ct));

            await WaitAsync(async () => await CountAsync(store, "receipts/") >= Uploads, TimeSpan.FromSeconds(90));
            await Task.Delay(TimeSpan.FromSeconds(5)); // two more polls: a duplicate parse would show now
        }
        finally
        {
            foreach (var watcher in watchers)
            {
                watcher.Kill(entireProcessTree: true);
                await watcher.WaitForExitAsync();
                watcher.Dispose();
            }
        }

        var parses = lines.Select(l => ParsedLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["name"].Value).ToArray();
        Assert.Equal(Uploads, await CountAsync(store, "receipts/"));
        Assert.True(parses.Length == Uploads, $"{parses.Length} parse runs for {Uploads} uploads:\n" + string.Join('\n', parses.GroupBy(p => p).Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()}")));
        Assert.Equal(Uploads, parses.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(0, await CountAsync(store, "claims/"));
    }

    private static async Task<int> CountAsync(IBlobStore store, string prefix)
    {
        var count = 0;
        await foreach (var _ in store.ListAsync(Containers.State, prefix))
        {
            count++;
        }

        return count;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < timeout, $"not reached within {timeout.TotalSeconds:0} s");
            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"Parsed (?<name>w\d{3}\.txt) \(")]
    private static partial Regex ParsedLine();
}
