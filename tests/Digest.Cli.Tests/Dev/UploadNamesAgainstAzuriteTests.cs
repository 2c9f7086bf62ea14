using System.CommandLine;
using Digest.Cli.Commands;
using Digest.Core.Storage;
using Digest.Testing;

namespace Digest.Cli.Tests.Dev;

/// <summary>Issue 19, item 5, on Azurite: an upload with an existing name never destroys the earlier one.</summary>
public sealed class UploadNamesAgainstAzuriteTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly OwnAzurite _azurite = new();

    public void Dispose()
    {
        _azurite.Dispose();
        _dir.Dispose();
    }

    private static async Task<(int Code, string Out)> InvokeAsync(params string[] args)
    {
        var output = new StringWriter();
        var code = await new RootCommand { UploadCommand.Create(), DevCommand.Create(), StatusCommand.Create() }.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (code, output.ToString());
    }

    [AzuriteFact]
    public async Task Upload_SameFileNameFromTwoEditors_SecondRefusedUntilReplace_BothOriginalsKept()
    {
        var store = await _azurite.StartStoreAsync();
        var storage = _azurite.ConnectionString;
        var a = _dir.Combine("editorA", "report.html");
        var b = _dir.Combine("editorB", "report.html");
        Directory.CreateDirectory(Path.GetDirectoryName(a)!);
        Directory.CreateDirectory(Path.GetDirectoryName(b)!);
        await File.WriteAllTextAsync(a, "<p>editor A's report, without a headline</p>");
        await File.WriteAllTextAsync(b, "<html><head><title>Editor B's report</title></head><body><p>The council met on Tuesday and approved the budget after a long debate, officials said.</p></body></html>");

        Assert.Equal(0, (await InvokeAsync("upload", a, "--storage", storage)).Code);
        await InvokeAsync("dev", "--once", "--storage", storage, "--outbox", _dir.Combine("outbox"));
        var refused = await InvokeAsync("upload", b, "--storage", storage);
        var unchanged = await InvokeAsync("upload", a, "--storage", storage);

        Assert.Equal(1, refused.Code);
        Assert.Equal("<p>editor A's report, without a headline</p>", (await store.GetAsync(Containers.Articles, "report.html"))!.Content.ToString());
        Assert.Equal(0, unchanged.Code);

        Assert.Equal(0, (await InvokeAsync("upload", b, "--replace", "--storage", storage)).Code);
        await InvokeAsync("dev", "--once", "--storage", storage, "--outbox", _dir.Combine("outbox"));
        var kept = new List<string>();
        await foreach (var blob in store.ListAsync(Containers.Quarantine))
        {
            kept.Add(blob.Name);
        }

        var earlier = Assert.Single(kept, n => n.StartsWith("report.html~", StringComparison.Ordinal) && !n.EndsWith(".reason.json", StringComparison.Ordinal));
        Assert.Equal("<p>editor A's report, without a headline</p>", (await store.GetAsync(Containers.Quarantine, earlier))!.Content.ToString());
    }
}
