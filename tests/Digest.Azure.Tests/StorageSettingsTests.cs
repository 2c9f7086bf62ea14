using Microsoft.Extensions.Configuration;

namespace Digest.Azure.Tests;

/// <summary>
/// The settings are read by the Azure SDK (connection strings) and Microsoft.Extensions.Azure (identity-based
/// settings); these tests pin what Digest adds: both clients for the right endpoints, and a bad setting refused at
/// start-up in one line that names it and never repeats a key.
/// </summary>
public sealed class StorageSettingsTests
{
    private const string Key = "c2VjcmV0LWtleS1ieXRlcy1mb3ItdGVzdHMtb25seQ==";

    [Theory]
    [InlineData("UseDevelopmentStorage=true", "http://127.0.0.1:10000/devstoreaccount1", "http://127.0.0.1:10001/devstoreaccount1", "shared key devstoreaccount1")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + Key + ";EndpointSuffix=core.windows.net", "https://acct.blob.core.windows.net/", "https://acct.queue.core.windows.net/", "shared key acct")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=acct;AccountKey=" + Key + ";EndpointSuffix=core.chinacloudapi.cn", "http://acct.blob.core.chinacloudapi.cn/", "http://acct.queue.core.chinacloudapi.cn/", "shared key acct")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + Key + ";BlobEndpoint=http://127.0.0.1:4000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:4001/devstoreaccount1;", "http://127.0.0.1:4000/devstoreaccount1", "http://127.0.0.1:4001/devstoreaccount1", "shared key devstoreaccount1")]
    [InlineData("BlobEndpoint=https://acct.blob.core.windows.net/;QueueEndpoint=https://acct.queue.core.windows.net/;SharedAccessSignature=sv=2024-11-04&ss=bq&srt=sco&sp=rwdlac&sig=TOPSECRET", "https://acct.blob.core.windows.net/", "https://acct.queue.core.windows.net/", "shared access signature")]
    public void FromConnectionString_Valid_GivesClientsForBothEndpoints(string connectionString, string blob, string queue, string access)
    {
        var settings = StorageSettings.FromConnectionString(connectionString);

        // A SAS client's Uri carries the signature as its query.
        Assert.Equal(blob, settings.CreateBlobServiceClient().Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal(queue, settings.CreateQueueServiceClient().Uri.GetLeftPart(UriPartial.Path));
        Assert.EndsWith(access, settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("TOPSECRET", settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key[..12], settings.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("AccountName=acct")]
    [InlineData("AccountName=acct;AccountKy=" + Key)]
    [InlineData("AccountName=acct;AccountKey=not*base64*TOPSECRET")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";BlobEndpoint=not a uri")]
    [InlineData("AccountName=acct;AccountKey=TOPSECRET;BlobEndpoint=https://blobs.example.com/")]
    public void FromConnectionString_Malformed_OneLineNamingTheSetting(string connectionString)
    {
        var error = Assert.Throws<StorageSettingsException>(() => StorageSettings.FromConnectionString(connectionString));

        Assert.Equal("AzureWebJobsStorage", error.Setting);
        Assert.StartsWith("AzureWebJobsStorage is not valid: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("TOPSECRET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_Nothing_ReturnsNull()
    {
        Assert.Null(StorageSettings.TryRead(Config(("Other", "x"))));
        Assert.Throws<InvalidOperationException>(() => StorageSettings.Read(Config()));
    }

    [Fact]
    public void TryRead_ConnectionString_UsesIt()
    {
        var settings = StorageSettings.TryRead(Config(("AzureWebJobsStorage", "UseDevelopmentStorage=true")));

        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), settings!.CreateBlobServiceClient().Uri);
    }

    [Fact]
    public void TryRead_Malformed_ThrowsInsteadOfFallingBack()
    {
        Assert.Throws<StorageSettingsException>(() => StorageSettings.TryRead(Config(("AzureWebJobsStorage", "AccountName=acct"))));
    }

    [Fact]
    public void TryRead_ServiceUrisAndManagedIdentity_ClientsForTheServiceUris()
    {
        // Environment variables AzureWebJobsStorage__blobServiceUri arrive as AzureWebJobsStorage:blobServiceUri.
        var config = Config(
            ("AzureWebJobsStorage:blobServiceUri", "https://acct.blob.core.windows.net"),
            ("AzureWebJobsStorage:queueServiceUri", "https://acct.queue.core.windows.net"),
            ("AzureWebJobsStorage:credential", "managedidentity"),
            ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-000000000001"));

        var settings = StorageSettings.TryRead(config)!;

        Assert.Equal(new Uri("https://acct.blob.core.windows.net"), settings.CreateBlobServiceClient().Uri);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), settings.CreateQueueServiceClient().Uri);
        Assert.EndsWith("token credential", settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_ServiceUrisWithoutCredential_UsesDefaultAzureCredential()
    {
        var config = Config(("AzureWebJobsStorage:blobServiceUri", "https://acct.blob.core.windows.net"), ("AzureWebJobsStorage:queueServiceUri", "https://acct.queue.core.windows.net"));

        Assert.EndsWith("token credential", StorageSettings.TryRead(config)!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_ClientIdWithoutCredential_IsTheManagedIdentityOfDefaultAzureCredential()
    {
        // Microsoft.Extensions.Azure 1.14 reads __clientId alone as DefaultAzureCredential's ManagedIdentityClientId.
        var config = Config(
            ("AzureWebJobsStorage:blobServiceUri", "https://acct.blob.core.windows.net"),
            ("AzureWebJobsStorage:queueServiceUri", "https://acct.queue.core.windows.net"),
            ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-000000000001"));

        Assert.EndsWith("token credential", StorageSettings.TryRead(config)!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_AccountName_DerivesTheServiceUris()
    {
        var config = Config(("MyStorage:accountName", "acct"), ("MyStorage:credential", "managedidentity"));

        var settings = StorageSettings.TryRead(config, "MyStorage")!;

        Assert.Equal(new Uri("https://acct.blob.core.windows.net/"), settings.CreateBlobServiceClient().Uri);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net/"), settings.CreateQueueServiceClient().Uri);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__blobServiceUri", "blobServiceUri", "http://127.0.0.1:10000/devstoreaccount1")]
    [InlineData("AzureWebJobsStorage__blobServiceUri", "blobServiceUri", "not a uri")]
    [InlineData("AzureWebJobsStorage__queueServiceUri", "queueServiceUri", "http://127.0.0.1:10001/devstoreaccount1")]
    [InlineData("AzureWebJobsStorage__credential", "credential", "password")]
    public void TryRead_BadIdentitySetting_NamesIt(string setting, string key, string value)
    {
        var values = new Dictionary<string, string>
        {
            ["blobServiceUri"] = "https://acct.blob.core.windows.net",
            ["queueServiceUri"] = "https://acct.queue.core.windows.net",
            [key] = value,
        };

        var error = Assert.Throws<StorageSettingsException>(() => StorageSettings.TryRead(Config(values.Select(v => ("AzureWebJobsStorage:" + v.Key, v.Value)).ToArray())));

        Assert.Equal(setting, error.Setting);
        Assert.StartsWith(setting + " is not valid: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage:blobServiceUri", "https://acct.blob.core.windows.net", "AzureWebJobsStorage__queueServiceUri")]
    [InlineData("AzureWebJobsStorage:queueServiceUri", "https://acct.queue.core.windows.net", "AzureWebJobsStorage__blobServiceUri")]
    public void TryRead_OneEndpointOnly_RefusedAtStartUp(string key, string value, string missing)
    {
        var error = Assert.Throws<StorageSettingsException>(() => StorageSettings.TryRead(Config((key, value))));

        Assert.Equal(missing, error.Setting);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
