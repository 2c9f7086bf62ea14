using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Digest.Azure.Tests;

public sealed class StorageConnectionTests
{
    private const string Key = "c2VjcmV0LWtleS1ieXRlcy1mb3ItdGVzdHMtb25seQ==";

    [Theory]
    [InlineData("UseDevelopmentStorage=true", "http://127.0.0.1:10000/devstoreaccount1", "http://127.0.0.1:10001/devstoreaccount1", "devstoreaccount1")]
    [InlineData("usedevelopmentstorage=TRUE;", "http://127.0.0.1:10000/devstoreaccount1", "http://127.0.0.1:10001/devstoreaccount1", "devstoreaccount1")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + Key + ";EndpointSuffix=core.windows.net", "https://acct.blob.core.windows.net/", "https://acct.queue.core.windows.net/", "acct")]
    [InlineData("AccountName=acct;AccountKey=" + Key, "https://acct.blob.core.windows.net/", "https://acct.queue.core.windows.net/", "acct")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=acct;AccountKey=" + Key + ";EndpointSuffix=core.chinacloudapi.cn", "http://acct.blob.core.chinacloudapi.cn/", "http://acct.queue.core.chinacloudapi.cn/", "acct")]
    [InlineData(" AccountName = acct ; AccountKey = " + Key + " ; TableEndpoint=http://x/ ;", "https://acct.blob.core.windows.net/", "https://acct.queue.core.windows.net/", "acct")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + Key + ";BlobEndpoint=http://127.0.0.1:4000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:4001/devstoreaccount1;", "http://127.0.0.1:4000/devstoreaccount1", "http://127.0.0.1:4001/devstoreaccount1", "devstoreaccount1")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";BlobEndpoint=https://blobs.example.com/", "https://blobs.example.com/", "https://acct.queue.core.windows.net/", "acct")]
    public void Parse_ValidString_GivesEndpointsAndSharedKey(string connectionString, string blob, string queue, string account)
    {
        var connection = StorageConnection.Parse(connectionString);

        Assert.Equal(new Uri(blob), connection.BlobServiceUri);
        Assert.Equal(new Uri(queue), connection.QueueServiceUri);
        Assert.Equal(account, connection.AccountName);
        Assert.Null(connection.TokenCredential);

        // The SDK builds its clients from the (normalised) connection string, for the same endpoints.
        var blobClient = connection.CreateBlobServiceClient();
        var queueClient = connection.CreateQueueServiceClient();
        Assert.Equal(new Uri(blob), blobClient.Uri);
        Assert.Equal(new Uri(queue), queueClient.Uri);
    }

    [Fact]
    public void CreateQueueServiceClient_NoQueueEndpoint_ExplainsWhatToSet()
    {
        var connection = StorageConnection.FromServiceUris(new Uri("https://acct.blob.core.windows.net/"), null, new Moq.Mock<TokenCredential>().Object);

        var error = Assert.Throws<InvalidOperationException>(() => connection.CreateQueueServiceClient());

        Assert.Contains("__queueServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData(";;", "no settings")]
    [InlineData("UseDevelopmentStorage=false", "UseDevelopmentStorage must be 'true'")]
    [InlineData("UseDevelopmentStorage=true;AccountName=x", "cannot be combined")]
    [InlineData("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://proxy", "cannot be combined")]
    [InlineData("AccountName=acct", "AccountKey is required")]
    [InlineData("AccountKey=" + Key, "AccountName or BlobEndpoint is required")]
    [InlineData("BlobEndpoint=https://b.example.com/;AccountKey=" + Key, "AccountKey needs AccountName")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";AccountName=other", "appears more than once")]
    [InlineData("AccountName=acct;AccountKy=" + Key, "unknown setting 'AccountKy'")]
    [InlineData("AccountName=acct;just some text", "segment 2 is not 'Name=Value'")]
    [InlineData("DefaultEndpointsProtocol=ftp;AccountName=acct;AccountKey=" + Key, "DefaultEndpointsProtocol")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";BlobEndpoint=not a uri", "BlobEndpoint must be an absolute http or https URI")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";QueueEndpoint=ftp://q/", "QueueEndpoint must be an absolute http or https URI")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";EndpointSuffix=a/b", "EndpointSuffix")]
    [InlineData("AccountName=acct;SharedAccessSignature=sv=2020&sig=abc", "SharedAccessSignature connection strings are not supported")]
    [InlineData("AccountName=a c;AccountKey=" + Key, "AccountName must be letters and digits")]
    public void TryParse_Malformed_ExplainsWhy(string connectionString, string expected)
    {
        Assert.False(StorageConnection.TryParse(connectionString, out var connection, out var error));
        Assert.Null(connection);
        Assert.StartsWith("Invalid storage connection string: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => StorageConnection.Parse(connectionString));
    }

    [Theory]
    [InlineData("AccountName=acct;AccountKey=not*base64*TOPSECRET", "AccountKey is not valid base64")]
    [InlineData("AccountName=acct;TOPSECRETc2VjcmV0LWtleS1ieXRlcy1mb3ItdGVzdHMtb25seQ==", "segment 2 has an unknown setting name")]
    [InlineData("AccountName=acct;AccountKey=TOPSECRET;Foo", "segment 3 is not 'Name=Value'")]
    public void TryParse_MalformedWithSecret_NeverEchoesIt(string connectionString, string expected)
    {
        Assert.False(StorageConnection.TryParse(connectionString, out _, out var error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("TOPSECRET", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_SharedKey_DoesNotShowKey()
    {
        var text = StorageConnection.Parse("AccountName=acct;AccountKey=" + Key).ToString();

        Assert.Contains("acct", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Key[..12], text, StringComparison.Ordinal);
    }

    [Fact]
    public void TryFromConfiguration_Nothing_ReturnsFalse()
    {
        Assert.False(StorageConnection.TryFromConfiguration(Config(("Other", "x")), out var connection));
        Assert.Null(connection);
        Assert.Throws<InvalidOperationException>(() => StorageConnection.FromConfiguration(Config()));
    }

    [Fact]
    public void TryFromConfiguration_ConnectionString_Parses()
    {
        Assert.True(StorageConnection.TryFromConfiguration(Config(("AzureWebJobsStorage", "UseDevelopmentStorage=true")), out var connection));
        Assert.Same(StorageConnection.DevelopmentStorage, connection);
    }

    [Fact]
    public void TryFromConfiguration_Malformed_ThrowsInsteadOfFallingBack()
    {
        Assert.Throws<FormatException>(() => StorageConnection.TryFromConfiguration(Config(("AzureWebJobsStorage", "AccountName=acct")), out _));
    }

    [Fact]
    public void TryFromConfiguration_IdentityServiceUris_UsesDefaultAzureCredential()
    {
        // Environment variables AzureWebJobsStorage__blobServiceUri arrive as AzureWebJobsStorage:blobServiceUri.
        var config = Config(("AzureWebJobsStorage:blobServiceUri", "https://acct.blob.core.windows.net"), ("AzureWebJobsStorage:queueServiceUri", "https://acct.queue.core.windows.net"));

        Assert.True(StorageConnection.TryFromConfiguration(config, out var connection));

        Assert.Equal(new Uri("https://acct.blob.core.windows.net"), connection.BlobServiceUri);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), connection.QueueServiceUri);
        Assert.IsType<DefaultAzureCredential>(connection.TokenCredential);
        Assert.Null(connection.AccountName);
        Assert.Equal(new Uri("https://acct.blob.core.windows.net"), connection.CreateBlobServiceClient().Uri);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), connection.CreateQueueServiceClient().Uri);
    }

    [Fact]
    public void TryFromConfiguration_AccountNameAndManagedIdentity_DerivesUrisAndUsesManagedIdentity()
    {
        var config = Config(("MyStorage:accountName", "acct"), ("MyStorage:credential", "managedidentity"), ("MyStorage:clientId", "00000000-0000-0000-0000-000000000001"));

        Assert.True(StorageConnection.TryFromConfiguration(config, out var connection, "MyStorage"));

        Assert.Equal(new Uri("https://acct.blob.core.windows.net/"), connection.BlobServiceUri);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net/"), connection.QueueServiceUri);
        Assert.IsType<ManagedIdentityCredential>(connection.TokenCredential);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage:blobServiceUri", "http://127.0.0.1:10000/devstoreaccount1", "must be an absolute https URI")]
    [InlineData("AzureWebJobsStorage:queueServiceUri", "https://acct.queue.core.windows.net", "blobServiceUri (or __accountName) is required")]
    [InlineData("AzureWebJobsStorage:accountName", "Not_Valid", "accountName must be 3-24")]
    public void TryFromConfiguration_BadIdentitySettings_Throws(string key, string value, string expected)
    {
        var error = Assert.Throws<FormatException>(() => StorageConnection.TryFromConfiguration(Config((key, value)), out _));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryFromConfiguration_UnknownCredentialKind_Throws()
    {
        var config = Config(("AzureWebJobsStorage:accountName", "acct"), ("AzureWebJobsStorage:credential", "password"));

        Assert.Throws<FormatException>(() => StorageConnection.TryFromConfiguration(config, out _));
    }

    [Fact]
    public void FromServiceUris_Http_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => StorageConnection.FromServiceUris(new Uri("http://127.0.0.1:10000/a"), null, new Moq.Mock<TokenCredential>().Object));
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
