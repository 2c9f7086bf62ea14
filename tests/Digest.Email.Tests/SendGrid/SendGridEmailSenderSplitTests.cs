using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Digest.Core.Delivery;
using Digest.Email.SendGrid;
using Microsoft.Extensions.Options;
using Moq;
using SendGrid;

namespace Digest.Email.Tests.SendGrid;

/// <summary>Request splitting and partial failures, with the client mocked (no 30 MB over the loopback).</summary>
public sealed class SendGridEmailSenderSplitTests
{
    private readonly List<JsonObject> _sent = [];

    [Fact]
    public async Task SendAsync_RequestWouldReach30MB_SplitsIntoSmallerRequests()
    {
        var client = Accepting();
        var html = new string('x', SendGridLimits.MaxRequestBytes - 12_000);
        var batch = WithSubstitutionBytes(TestBatches.Batch(4, content: TestBatches.Content() with { Html = html }), 2_500);

        var outcomes = await Sender(client.Object).SendAsync(batch);

        Assert.All(outcomes, o => Assert.True(o.Accepted));
        Assert.True(_sent.Count >= 2);
        Assert.Equal(4, _sent.Sum(m => m["personalizations"]!.AsArray().Count));
        Assert.All(_sent, m => Assert.True(Encoding.UTF8.GetByteCount(m.ToJsonString()) < SendGridLimits.MaxRequestBytes));
    }

    [Fact]
    public async Task SendAsync_ContentAlone30MB_FailsClearlyWithoutRequest()
    {
        var client = Accepting();
        var batch = TestBatches.Batch(2, content: TestBatches.Content() with { Html = new string('x', SendGridLimits.MaxRequestBytes) });

        var outcomes = await Sender(client.Object).SendAsync(batch);

        Assert.All(outcomes, o => Assert.Contains("30 MB", o.Error));
        Assert.Empty(_sent);
    }

    [Fact]
    public async Task SendAsync_SubstitutionsOver10000Bytes_FailsThatRecipientOnly()
    {
        var client = Accepting();
        var batch = TestBatches.Batch(2);
        var big = batch.Recipients[1] with { Substitutions = new Dictionary<string, string> { [EmailTags.NameText] = new string('n', 10_000) } };
        batch = batch with { Recipients = [batch.Recipients[0], big] };

        var outcomes = await Sender(client.Object).SendAsync(batch);

        Assert.True(outcomes[0].Accepted);
        Assert.Contains("10000 bytes", outcomes[1].Error);
    }

    [Fact]
    public async Task SendAsync_TransientFailureAfterAnAcceptedRequest_ReturnsNotSentInsteadOfThrowing()
    {
        var client = new Mock<ISendGridClient>();
        client.SetupSequence(MailSend())
            .ReturnsAsync(Answer(HttpStatusCode.Accepted, "m-1"))
            .ReturnsAsync(Answer(HttpStatusCode.ServiceUnavailable));

        var outcomes = await Sender(client.Object, perRequest: 2).SendAsync(TestBatches.Batch(5));

        Assert.Equal([true, true, false, false, false], outcomes.Select(o => o.Accepted));
        Assert.All(outcomes.Skip(2), o => Assert.StartsWith("not sent:", o.Error));
        client.Verify(MailSend(), Times.Exactly(2));
    }

    [Fact]
    public async Task SendAsync_BadRequestForOneRequest_OtherRequestsStillSent()
    {
        var client = new Mock<ISendGridClient>();
        client.SetupSequence(MailSend())
            .ReturnsAsync(Answer(HttpStatusCode.BadRequest, body: """{"errors":[{"message":"Invalid type.","field":"content.0.type","help":null}]}"""))
            .ReturnsAsync(Answer(HttpStatusCode.Accepted, "m-2"));

        var outcomes = await Sender(client.Object, perRequest: 2).SendAsync(TestBatches.Batch(4));

        Assert.Equal([false, false, true, true], outcomes.Select(o => o.Accepted));
        Assert.Contains("Invalid type. (field: content.0.type)", outcomes[0].Error);
    }

    private static SendGridEmailSender Sender(ISendGridClient client, int perRequest = 1000) =>
        new(client, Options.Create(new SendGridOptions { ApiKey = "k", MaxRecipientsPerRequest = perRequest }));

    /// <summary>The one call the sender makes: POST mail/send with the serialized message.</summary>
    private static System.Linq.Expressions.Expression<Func<ISendGridClient, Task<Response>>> MailSend() =>
        c => c.RequestAsync(BaseClient.Method.POST, It.IsAny<string>(), null, "mail/send", It.IsAny<CancellationToken>());

    private static Response Answer(HttpStatusCode status, string? messageId = null, string body = "")
    {
        var headers = new HttpResponseMessage().Headers;
        if (messageId is not null)
        {
            headers.Add("X-Message-Id", messageId);
        }

        return new Response(status, new StringContent(body), headers);
    }

    private Mock<ISendGridClient> Accepting()
    {
        var client = new Mock<ISendGridClient>();
        client.Setup(MailSend())
            .Callback<BaseClient.Method, string, string, string, CancellationToken>((_, body, _, _, _) => _sent.Add(JsonNode.Parse(body)!.AsObject()))
            .ReturnsAsync(() => Answer(HttpStatusCode.Accepted, "m"));
        return client;
    }

    private static EmailBatch WithSubstitutionBytes(EmailBatch batch, int bytes) => batch with
    {
        Recipients = batch.Recipients.Select(r => r with
        {
            Substitutions = new Dictionary<string, string>(r.Substitutions) { ["-filler-"] = new string('f', bytes) },
        }).ToList(),
    };
}
