using Digest.Core;
using Digest.Core.Delivery;
using Digest.Email.Outbox;
using Digest.Functions.Hosting;
using Digest.Testing;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Digest.Functions.Tests.App;

/// <summary>What the worker refuses at start-up (AddDigestFunctions and the options it validates on start).</summary>
public sealed class FunctionsStartupTests
{
    private const string Key = "dGVzdC1vbmx5LXVuc3Vic2NyaWJlLXNpZ25pbmcta2V5LTMyYg==";

    [Theory]
    [InlineData(null, "Digest__UnsubscribeSigningKey must be set (32 bytes or more")]
    [InlineData("", "Digest__UnsubscribeSigningKey must be set (32 bytes or more")]
    [InlineData("too-short-key", "UnsubscribeSigningKey: is too short for HMAC-SHA256: set 32 or more bytes")]
    public void AddDigestFunctions_WithoutAUsableSigningKey_FailsValidation(string? key, string expected)
    {
        using var provider = Build(new() { ["Digest:UnsubscribeSigningKey"] = key });

        // ValidateOnStart runs this same validation when the host starts, so the worker refuses to start.
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DigestOptions>>().Value);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@Microsoft.KeyVault(VaultName=kv-digest;SecretName=unsubscribe-signing-key)")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv-digest.vault.azure.net/secrets/unsubscribe-signing-key/)")]
    [InlineData("  @microsoft.keyvault(VaultName=kv-digest;SecretName=unsubscribe-signing-key)")]
    public void AddDigestFunctions_UnresolvedKeyVaultReferenceAsSigningKey_IsRefusedWithAClearMessage(string reference)
    {
        // The reference text is longer than 32 bytes: without this rule it would pass as a key anyone can read.
        _ = new UnsubscribeToken(reference);
        using var provider = Build(new() { ["Digest:UnsubscribeSigningKey"] = reference });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DigestOptions>>().Value);
        Assert.Contains("unresolved Key Vault reference", error.Message, StringComparison.Ordinal);
        Assert.Contains("Key Vault Secrets User", error.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<UnsubscribeToken>());
    }

    [Fact]
    public async Task WorkerHost_UnresolvedKeyVaultReferenceAsSigningKey_RefusesToStart()
    {
        // The host Program.cs builds, with its options validated on start, before any function runs.
        using var temp = new TempDirectory();
        // The arguments the Functions host passes to the worker (no host listens there: validation comes first).
        var builder = FunctionsApplication.CreateBuilder(["--host", "127.0.0.1", "--port", "9", "--workerId", "w1", "--requestId", "r1", "--grpcMaxMessageLength", "2147483647"]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Functions:Worker:HostEndpoint"] = "http://127.0.0.1:9",
            ["Functions:Worker:WorkerId"] = "w1",
            ["Functions:Worker:RequestId"] = "r1",
            ["Functions:Worker:GrpcMaxMessageLength"] = "2147483647",
            ["Digest:UnsubscribeSigningKey"] = "@Microsoft.KeyVault(VaultName=kv-digest;SecretName=unsubscribe-signing-key)",
            ["Digest:StorePath"] = temp.Path,
        });
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddDigestFunctions(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("unresolved Key Vault reference", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDigestFunctions_WithAResolvedKey_Starts()
    {
        using var provider = Build(new() { ["Digest:UnsubscribeSigningKey"] = Key });

        Assert.Equal(Key, provider.GetRequiredService<IOptions<DigestOptions>>().Value.UnsubscribeSigningKey);
        Assert.NotNull(provider.GetRequiredService<UnsubscribeToken>());
    }

    public static TheoryData<string, string> AzureMarkers() => new()
    {
        { AzureHosting.SiteName, "func-digest" },
        { AzureHosting.InstanceId, "8f1b3c2d4e5f" },
    };

    [Theory]
    [MemberData(nameof(AzureMarkers))]
    public void AddDigestFunctions_InAzureWithoutAnEmailProvider_FailsAtStartUpWithAClearMessage(string marker, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Digest:UnsubscribeSigningKey"] = Key, [marker] = value }));

        Assert.Contains("No email provider is configured", error.Message, StringComparison.Ordinal);
        Assert.Contains("Email__Provider=SendGrid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDigestFunctions_InAzureWithOutboxNamedExplicitly_FailsToo()
    {
        Assert.Throws<InvalidOperationException>(() => Build(new() { ["Digest:UnsubscribeSigningKey"] = Key, [AzureHosting.SiteName] = "func-digest", ["Email:Provider"] = "Outbox" }));
    }

    [Fact]
    public void AddDigestFunctions_InAzureWithSendGrid_Starts()
    {
        using var provider = Build(new()
        {
            ["Digest:UnsubscribeSigningKey"] = Key,
            [AzureHosting.SiteName] = "func-digest",
            [AzureHosting.InstanceId] = "8f1b3c2d4e5f",
            ["Email:Provider"] = "SendGrid",
            ["Email:SendGrid:ApiKey"] = "SG.test-only",
        });

        Assert.IsNotType<OutboxEmailSender>(provider.GetRequiredService<IEmailSender>());
    }

    [Fact]
    public void AddDigestFunctions_LocalFuncStartWithSiteNameSet_KeepsTheOutbox()
    {
        // Core Tools marks a local run with AZURE_FUNCTIONS_ENVIRONMENT=Development; that wins over copied Azure settings.
        using var provider = Build(new() { ["Digest:UnsubscribeSigningKey"] = Key, [AzureHosting.SiteName] = "func-digest", [AzureHosting.FunctionsEnvironment] = "Development" });

        Assert.IsType<OutboxEmailSender>(provider.GetRequiredService<IEmailSender>());
    }

    [Fact]
    public void AddDigestFunctions_OutsideAzure_UsesTheOutbox()
    {
        using var provider = Build(new() { ["Digest:UnsubscribeSigningKey"] = Key, ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated" });

        Assert.IsType<OutboxEmailSender>(provider.GetRequiredService<IEmailSender>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddDigestFunctions(configuration).BuildServiceProvider();
    }
}
