using Digest.Core.Storage;
using Digest.Functions.Tests.Support;
using Digest.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Digest.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.Functions.Tests.App;

public sealed class HandlerStartupTests
{
    [Theory]
    [InlineData(null, "http://127.0.0.1:5000")]
    [InlineData("", "http://127.0.0.1:5000")]
    [InlineData("40123", "http://127.0.0.1:40123")]
    public void ListenUrl_FromFunctionsCustomHandlerPort_IsLoopback(string? port, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port }).Build();

        Assert.Equal(expected, HandlerServices.ListenUrl(configuration));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("70000")]
    [InlineData("-5")]
    [InlineData("http")]
    public void ListenUrl_InvalidPort_Throws(string port)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => HandlerServices.ListenUrl(configuration));
        Assert.Contains("FUNCTIONS_CUSTOMHANDLER_PORT", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("too-short-key")]
    public void AddDigestHandler_WithoutAUsableSigningKey_FailsValidation(string? key)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Digest:UnsubscribeSigningKey"] = key }).Build();
        using var provider = new ServiceCollection().AddLogging().AddDigestHandler(configuration).BuildServiceProvider();

        // ValidateOnStart runs this same validation when the host starts, so the handler refuses to start.
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DigestOptions>>().Value);
        Assert.Contains("Digest:UnsubscribeSigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithTheTestKey_Serves()
    {
        using var temp = new TempDirectory();
        using WebApplicationFactory<Program> factory = new HandlerFactory(new FileSystemBlobStore(temp.Path), new FakeTimeProvider());

        Assert.NotNull(factory.CreateClient());
    }
}
