using System.Net;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Digest.Azure.Blobs;
using Digest.Azure.Tests.Support;
using Digest.Testing;
using Moq;

namespace Digest.Azure.Tests.Pipeline;

/// <summary>The pipeline wiring, against a scripted HTTP handler: auth headers, retries, error mapping.</summary>
public sealed class StorageRestPipelineTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task SharedKey_EveryRequest_HasDateVersionAndSignature()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.Created) { Headers = { { "ETag", "\"0x1\"" } }, Content = { Headers = { LastModified = Clock.GetUtcNow() } } });
        var blob = Client(handler, StorageConnection.DevelopmentStorage).GetBlobContainerClient("c").GetBlobClient("a b.txt");

        await blob.UploadAsync(BinaryData.FromString("x"));

        var request = Assert.Single(handler.Requests);
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1/c/a%20b.txt", request.RequestUri!.AbsoluteUri);
        Assert.Equal("Tue, 02 Sep 2025 06:00:00 GMT", request.Headers.GetValues("x-ms-date").Single());
        Assert.Equal("2025-01-05", request.Headers.GetValues("x-ms-version").Single());
        Assert.Equal("BlockBlob", request.Headers.GetValues("x-ms-blob-type").Single());
        Assert.Equal("SharedKey", request.Headers.Authorization!.Scheme);
        Assert.StartsWith("devstoreaccount1:", request.Headers.Authorization.Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bearer_TokenCredential_SendsStorageScopedToken()
    {
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("tok", Clock.GetUtcNow().AddHours(1)));
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound) { Headers = { { "x-ms-error-code", "BlobNotFound" } } });
        var connection = StorageConnection.FromServiceUris(new Uri("https://acct.blob.core.windows.net/"), null, credential.Object);

        var properties = await Client(handler, connection).GetBlobContainerClient("c").GetBlobClient("b").GetPropertiesAsync();

        Assert.Null(properties);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("Bearer", request.Headers.Authorization!.Scheme);
        Assert.Equal("tok", request.Headers.Authorization.Parameter);
        Assert.True(request.Headers.Contains("x-ms-date"));
        credential.Verify(c => c.GetTokenAsync(It.Is<TokenRequestContext>(t => t.Scopes.Single() == "https://storage.azure.com/.default"), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Send_ServerBusyThenOk_Retries()
    {
        var calls = 0;
        var handler = new StubHandler(_ => ++calls == 1
            ? StubHandler.Xml(HttpStatusCode.ServiceUnavailable, "<Error><Code>ServerBusy</Code><Message>busy</Message></Error>", ("x-ms-error-code", "ServerBusy"))
            : new HttpResponseMessage(HttpStatusCode.Created));
        var options = Options(handler);
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);

        var created = await new BlobServiceClient(StorageConnection.DevelopmentStorage, options).GetBlobContainerClient("c").CreateIfNotExistsAsync();

        Assert.True(created);
        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("SharedKey", r.Headers.Authorization!.Scheme));
    }

    [Fact]
    public async Task Send_ErrorWithXmlBody_ThrowsRequestFailedWithCodeAndMessage()
    {
        var handler = new StubHandler(_ => StubHandler.Xml(
            HttpStatusCode.Forbidden,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthorizationFailure</Code><Message>Server failed to authenticate the request.\nRequestId:1</Message></Error>"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Client(handler, StorageConnection.DevelopmentStorage).GetBlobContainerClient("c").GetBlobClient("b").DownloadContentAsync());

        Assert.Equal(403, error.Status);
        Assert.Equal("AuthorizationFailure", error.ErrorCode);
        Assert.Contains("Server failed to authenticate the request.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SharedKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateIfNotExists_ContainerBeingDeleted_Throws()
    {
        var handler = new StubHandler(_ => StubHandler.Xml(HttpStatusCode.Conflict, "<Error><Code>ContainerBeingDeleted</Code><Message>m</Message></Error>", ("x-ms-error-code", "ContainerBeingDeleted")));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Client(handler, StorageConnection.DevelopmentStorage).GetBlobContainerClient("c").CreateIfNotExistsAsync());

        Assert.Equal("ContainerBeingDeleted", error.ErrorCode);
    }

    private static BlobServiceClient Client(StubHandler handler, StorageConnection connection) => new(connection, Options(handler));

    private static BlobClientOptions Options(StubHandler handler)
    {
        var options = new BlobClientOptions { TimeProvider = Clock, Transport = new HttpClientTransport(new HttpClient(handler)) };
        options.Retry.MaxRetries = 2;
        return options;
    }
}
