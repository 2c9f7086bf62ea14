using Digest.Core.Delivery.Subscribers;
using Digest.Testing;

namespace Digest.Core.Tests.Delivery.Subscribers;

public sealed class SubscriberFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ReadAsync_Windows1252Csv_ReportsEncodingInsteadOfGarbling()
    {
        var path = _temp.Combine("subs.csv");
        await File.WriteAllBytesAsync(path, [.. "email,name\nann@example.com,Ren"u8, 0xE9, (byte)'\n']);

        var file = await SubscriberFile.ReadAsync(path);

        Assert.Empty(file.Rows);
        Assert.Equal("bad-encoding", Assert.Single(file.Diagnostics).Code);
    }

    [Fact]
    public async Task ReadAsync_Utf8WithBom_ReadsNames()
    {
        var path = _temp.Combine("subs.csv");
        await File.WriteAllBytesAsync(path, [0xEF, 0xBB, 0xBF, .. "email,name\r\nann@example.com,René\r\n"u8]);

        var file = await SubscriberFile.ReadAsync(path);

        Assert.Equal("René", Assert.Single(file.Rows).Name);
    }

    [Fact]
    public async Task ReadAsync_OtherExtension_ReportsUnknownFormat()
    {
        var path = _temp.Combine("subs.txt");
        await File.WriteAllTextAsync(path, "ann@example.com");

        var file = await SubscriberFile.ReadAsync(path);

        Assert.Equal("unknown-format", Assert.Single(file.Diagnostics).Code);
    }
}
