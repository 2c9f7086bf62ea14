using System.CommandLine;
using Digest.Cli.Commands;
using Digest.Testing;

namespace Digest.Cli.Tests.Commands;

public sealed class SubscribersCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Import_CsvThenList_CountsByStatusWithMaskedAddresses()
    {
        var csv = _temp.Combine("subs.csv");
        await File.WriteAllTextAsync(csv, "email,name,status,topics\nann@example.com,Ann,active,tech\nbob@example.com,Bob,unsubscribed,\nANN@example.com,,,world\nbad-address,X,,\n");

        var (importCode, importOut, importErr) = await Run("import", csv);
        var (listCode, listOut, _) = await Run("list");

        Assert.Equal(1, importCode);
        Assert.Contains("2 added", importOut);
        Assert.Contains("1 merged duplicates", importOut);
        Assert.Contains("1 rejected", importOut);
        Assert.Contains("line 5: error [invalid-address]", importErr);
        Assert.Contains("note [duplicate]", importErr);
        Assert.Equal(0, listCode);
        Assert.Contains("2 subscribers: active 1, unsubscribed 1, bounced 0", listOut);
        Assert.Contains("a***@example.com", listOut);
        Assert.DoesNotContain("ann@example.com", listOut);
        Assert.DoesNotContain("ann@", importOut + importErr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Import_TextFileOfManyLines_TenDiagnosticsAndACount()
    {
        var csv = _temp.Combine("notes.csv");
        await File.WriteAllLinesAsync(csv, ["email,name", .. Enumerable.Range(0, 5_000).Select(i => $"not an address {i},x")]);

        var (code, _, error) = await Run("import", csv);

        Assert.Equal(1, code);
        Assert.Equal(11, error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("... and 4,990 more", error);
    }

    [Fact]
    public async Task Import_FileOverTheSizeLimit_RefusedWithClearError()
    {
        var csv = _temp.Combine("huge.csv");
        await using (var stream = File.Create(csv))
        {
            stream.SetLength(Core.Delivery.Subscribers.SubscriberFile.MaxBytes + 1);
        }

        var (code, _, error) = await Run("import", csv);

        Assert.Equal(1, code);
        Assert.Contains("[too-large]", error);
        Assert.Contains("16 MiB", error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task List_ShowAddresses_PrintsFullAddresses()
    {
        var json = _temp.Combine("seeds.json");
        await File.WriteAllTextAsync(json, """[{"email":"ann@example.com","name":"Ann"},{"email":"bob@example.com","name":"Bob"}]""");

        var (code, _, _) = await Run("import", json);
        var (_, listOut, _) = await Run("list", "--show-addresses");

        Assert.Equal(0, code);
        Assert.Contains("ann@example.com", listOut);
        Assert.Contains("bob@example.com", listOut);
    }

    [Fact]
    public async Task Import_UnsubscribedThenActiveAgain_StaysUnsubscribedUnlessResubscribe()
    {
        var first = _temp.Combine("first.csv");
        var second = _temp.Combine("second.csv");
        await File.WriteAllTextAsync(first, "email,status\nann@example.com,unsubscribed\n");
        await File.WriteAllTextAsync(second, "email,status\nann@example.com,active\n");

        await Run("import", first);
        var (_, keptOut, _) = await Run("import", second);
        var (_, listKept, _) = await Run("list");
        await Run("import", second, "--resubscribe");
        var (_, listAfter, _) = await Run("list");

        Assert.Contains("1 kept unsubscribed/bounced", keptOut);
        Assert.Contains("active 0, unsubscribed 1", listKept);
        Assert.Contains("active 1, unsubscribed 0", listAfter);
    }

    [Fact]
    public async Task Export_AfterImport_WritesCsvAndRefusesToOverwrite()
    {
        var json = _temp.Combine("seeds.json");
        var export = _temp.Combine("out", "subs.csv");
        await File.WriteAllTextAsync(json, """[{"email":"ann@example.com","name":"Doe, Ann"}]""");
        await Run("import", json);

        var (code, _, _) = await Run("export", export);
        var (again, _, err) = await Run("export", export);

        Assert.Equal(0, code);
        Assert.Equal("email,name,status,topics\r\nann@example.com,\"Doe, Ann\",active,\r\n", await File.ReadAllTextAsync(export));
        Assert.Equal(2, again);
        Assert.Contains("--force", err);
    }

    [Fact]
    public async Task Export_KeepsEveryStatusAndEscapesFormulaCells()
    {
        var csv = _temp.Combine("subs.csv");
        var export = _temp.Combine("out", "all.csv");
        await File.WriteAllTextAsync(csv, """
            email,name,status,topics
            ann@example.com,=cmd|' /C calc'!A0,active,
            +bob@example.com,@SUM(A1),pending,-world
            carl@example.com,Carl,unsubscribed,
            dora@example.com,Dora,bounced,
            eve@example.com,Eve,complained,
            """);
        Assert.Equal(0, (await Run("import", csv)).Code);

        var (code, _, _) = await Run("export", export);
        var (_, listOut, _) = await Run("list");

        Assert.Equal(0, code);
        Assert.Equal(
            "email,name,status,topics\r\n"
            + "\"'+bob@example.com\",\"'@SUM(A1)\",pending,\"'-world\"\r\n"
            + "ann@example.com,\"'=cmd|' /C calc'!A0\",active,\r\n"
            + "carl@example.com,Carl,unsubscribed,\r\n"
            + "dora@example.com,Dora,bounced,\r\n"
            + "eve@example.com,Eve,complained,\r\n",
            await File.ReadAllTextAsync(export));
        Assert.Contains("5 subscribers: active 1, unsubscribed 1, bounced 1, pending 1, complained 1", listOut);
        Assert.Contains(" pending ", listOut);
        Assert.Contains(" complained ", listOut);
    }

    [Fact]
    public async Task Import_MissingFile_FailsClearly()
    {
        var (code, _, err) = await Run("import", _temp.Combine("nope.csv"));

        Assert.Equal(2, code);
        Assert.Contains("does not exist", err);
    }

    private async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var root = new RootCommand { SubscribersCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        string[] all = ["subscribers", .. args.Take(1), .. args.Skip(1), "--store", _temp.Combine("store")];
        var code = await root.Parse(all).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
