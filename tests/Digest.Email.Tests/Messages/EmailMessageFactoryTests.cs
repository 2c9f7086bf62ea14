using System.Text;
using Digest.Core.Delivery;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Digest.Email.Tests.Messages;

/// <summary>Digest's header rules on top of MimeKit, checked on the written message and on MimeKit's parse of it.</summary>
public sealed class EmailMessageFactoryTests
{
    private static readonly DateTimeOffset Now = new(2025, 9, 2, 6, 0, 0, TimeSpan.Zero);
    private readonly EmailMessageFactory _factory = new(new FakeTimeProvider(Now));

    private static EmailBatch Batch(string subject = "Daily Digest: Tuesday 2 September 2025", string? name = "Reader", IReadOnlyDictionary<string, string>? headers = null, string email = "reader@example.com") => new(
        "digest-2025-09-02",
        "b-0001",
        new EmailContent(
            "digest@example.com",
            "Daily Digest",
            subject,
            "<p>HTML body — ünïcödé</p>",
            "Plain text body with a long line " + new string('x', 200) + "\nand = signs and ünïcödé.",
            ["digest"]),
        [new EmailRecipient(email, name, "abc", new Dictionary<string, string>(), headers ?? new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = "<https://digest.example.com/api/unsubscribe?token=v1.daily.abc.sig>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        })]);

    private (MimeMessage? Message, string? Error) Create(EmailBatch batch)
    {
        var (from, error) = EmailMessageFactory.CheckContent(batch.Content);
        return from is null ? (null, error) : _factory.Create(from, batch, batch.Recipients[0]);
    }

    private static string Write(MimeMessage message)
    {
        message.Prepare(EncodingConstraint.SevenBit);
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        using var stream = new MemoryStream();
        message.WriteTo(format, stream);
        return Encoding.ASCII.GetString(stream.ToArray());
    }

    private static MimeMessage Parse(string eml) => MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(eml)));

    private static string Head(string eml) => eml[..eml.IndexOf("\r\n\r\n", StringComparison.Ordinal)];

    [Fact]
    public void Create_Message_HasRequiredHeadersAndMultipartAlternative()
    {
        var eml = Write(Create(Batch()).Message!);
        var head = Head(eml);

        Assert.Contains("From: Daily Digest <digest@example.com>\r\n", head);
        Assert.Contains("To: Reader <reader@example.com>\r\n", head);
        Assert.Contains("Date: Tue, 02 Sep 2025 06:00:00 +0000\r\n", head);
        Assert.Contains("Message-Id: <digest-2025-09-02.abc@example.com>\r\n", head);
        Assert.Contains("MIME-Version: 1.0\r\n", head);
        Assert.Contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n", head);
        var parsed = Parse(eml);
        Assert.Equal("<https://digest.example.com/api/unsubscribe?token=v1.daily.abc.sig>", parsed.Headers["List-Unsubscribe"]);
        var alternative = Assert.IsType<MultipartAlternative>(parsed.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
    }

    [Fact]
    public void Create_Message_DateComesFromTheInjectedClock()
    {
        var clock = new FakeTimeProvider(Now);
        clock.Advance(TimeSpan.FromHours(5));

        var message = new EmailMessageFactory(clock).Create(EmailMessageFactory.CheckContent(Batch().Content).From!, Batch(), Batch().Recipients[0]).Message!;

        Assert.Equal(Now.AddHours(5), message.Date);
    }

    [Fact]
    public void Write_Message_EveryLineEndsWithCrlfAndStaysWithinLimits()
    {
        var eml = Write(Create(Batch(subject: string.Join(' ', Enumerable.Repeat("Longwordsubject", 20)))).Message!);

        Assert.True(eml.All(c => c < 128), "7-bit after Prepare");
        Assert.Equal(0, eml.Replace("\r\n", string.Empty, StringComparison.Ordinal).Count(c => c is '\r' or '\n'));
        // RFC 5322 2.1.1: at most 998 characters (MUST), 78 where it can fold (SHOULD; a URL cannot fold);
        // quoted-printable and base64 body lines at most 76 (RFC 2045).
        var head = Head(eml);
        Assert.All(head.Split("\r\n").Where(l => !l.StartsWith("List-Unsubscribe:", StringComparison.Ordinal)), line => Assert.True(line.Length <= 78, $"line of {line.Length}: {line}"));
        Assert.All(eml[head.Length..].Split("\r\n"), line => Assert.True(line.Length <= 76, $"line of {line.Length}: {line}"));
    }

    [Theory]
    [InlineData(20)]
    [InlineData(300)]
    public void Create_LongListUnsubscribeUrl_FoldsOnlyAtWhitespaceAndParsesBackExactly(int tokenLength)
    {
        // MimeKit folds a long header value onto the next line; an RFC 2369 URL must never become encoded words.
        var url = "<https://digest.example.com/api/unsubscribe?token=v1.daily." + new string('k', tokenLength) + ">";
        var eml = Write(Create(Batch(headers: new Dictionary<string, string> { ["List-Unsubscribe"] = url })).Message!);

        Assert.DoesNotContain("=?", Head(eml).Split("List-Unsubscribe:")[1].Split("\r\nList-")[0].Split("\r\nMIME")[0]);
        Assert.Equal(url, Parse(eml).Headers["List-Unsubscribe"]);
    }

    [Fact]
    public void Create_NonAsciiSubjectAndName_AreEncodedWordsThatDecodeBack()
    {
        var subject = "Résumé du jour: Kim Jong Un arrive à Pékin — 北京 " + new string('é', 40);
        var eml = Write(Create(Batch(subject: subject, name: "Zoë Ünal")).Message!);
        var head = Head(eml);

        Assert.True(head.All(c => c < 128), "headers are ASCII only");
        Assert.Contains("Subject: =?utf-8?", head, StringComparison.OrdinalIgnoreCase);
        var parsed = Parse(eml);
        Assert.Equal(subject, parsed.Subject);
        Assert.Equal("Zoë Ünal", Assert.Single(parsed.To.Mailboxes).Name);
    }

    [Theory]
    [InlineData("Evil\r\nBcc: victim@example.com")]
    [InlineData("Evil\nBcc: victim@example.com")]
    [InlineData("Evil\rBcc: victim@example.com")]
    [InlineData("")]
    public void CheckContent_SubjectWithLineBreakOrEmpty_IsRefused(string subject)
    {
        var (message, error) = Create(Batch(subject: subject));

        Assert.Null(message);
        Assert.Contains("subject", error);
    }

    [Theory]
    [InlineData("List-Unsubscribe", "<https://x>\r\nBcc: victim@example.com", "CR or LF")]
    [InlineData("List-Unsubscribe", "<https://x>\nBcc: victim@example.com", "CR or LF")]
    [InlineData("Bcc", "victim@example.com", "set by the sender")]
    [InlineData("From", "evil@example.com", "set by the sender")]
    [InlineData("List-Unsubscribe", "<https://x.example/ü>", "printable ASCII")]
    [InlineData("Bad Name", "x", "header name")]
    public void Create_RecipientHeaderUnsafe_IsRefusedNamingTheHeaderNotTheValue(string name, string value, string expected)
    {
        var (message, error) = Create(Batch(headers: new Dictionary<string, string> { [name] = value }));

        Assert.Null(message);
        Assert.Contains(expected, error);
        Assert.DoesNotContain("victim", error);
    }

    [Fact]
    public void Create_NameWithQuotesAndLineBreak_CannotAddARecipient()
    {
        var eml = Write(Create(Batch(name: "Eve\" <evil@example.com>\r\nBcc: x@example.com")).Message!);
        var head = Head(eml);

        Assert.DoesNotContain("\r\nBcc:", head);
        var parsed = Parse(eml);
        Assert.Equal("reader@example.com", Assert.Single(parsed.To.Mailboxes).Address);
        Assert.Empty(parsed.Bcc);
    }

    [Fact]
    public void Create_NameWithQuotes_StaysOneMailbox()
    {
        var parsed = Parse(Write(Create(Batch(name: "Eve \"the\" <evil@example.com>, x@example.com")).Message!));

        var to = Assert.Single(parsed.To.Mailboxes);
        Assert.Equal(("reader@example.com", "Eve \"the\" <evil@example.com>, x@example.com"), (to.Address, to.Name));
    }

    [Theory]
    [InlineData("reader@example.com>\r\nBcc: x@example.com")]
    [InlineData("not-an-address")]
    [InlineData("ünï@example.com")]
    public void Create_InvalidAddress_IsRefused(string address)
    {
        var (message, error) = Create(Batch(email: address));

        Assert.Null(message);
        Assert.StartsWith("invalid address", error);
    }

    [Fact]
    public void Write_Bodies_DecodeBackToTheText()
    {
        var batch = Batch();

        var parsed = Parse(Write(Create(batch).Message!));

        Assert.Equal(batch.Content.Text, parsed.TextBody!.ReplaceLineEndings("\n"));
        Assert.Equal(batch.Content.Html, parsed.HtmlBody!.ReplaceLineEndings("\n"));
    }
}
