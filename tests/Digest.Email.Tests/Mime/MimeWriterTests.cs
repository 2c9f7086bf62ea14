using System.Net.Mail;
using System.Text;
using Digest.Email.Mime;

namespace Digest.Email.Tests.Mime;

public sealed class MimeWriterTests
{
    private static MimeMessage Message(string subject = "Daily Digest: Tuesday 2 September 2025", string? toName = "Reader", IReadOnlyDictionary<string, string>? headers = null) => new(
        new MailboxAddress("digest@example.com", "Daily Digest"),
        new MailboxAddress("reader@example.com", toName),
        subject,
        "Plain text body with a long line " + new string('x', 200) + "\nand = signs and ünïcödé.",
        "<p>HTML body — ünïcödé</p>",
        new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero),
        "digest-2025-09-02.abc@example.com",
        headers ?? new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = "<https://digest.example.com/api/unsubscribe?token=v1.daily.abc.sig>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        });

    [Fact]
    public void Write_Message_HasRequiredHeadersAndMultipartAlternative()
    {
        var eml = MimeWriter.Write(Message());
        var head = eml[..eml.IndexOf("\r\n\r\n", StringComparison.Ordinal)];

        Assert.Contains("From: \"Daily Digest\" <digest@example.com>\r\n", head);
        Assert.Contains("To: \"Reader\" <reader@example.com>\r\n", head);
        Assert.Contains("Date: Tue, 02 Sep 2025 06:00:00 +0000\r\n", head);
        Assert.Contains("Message-ID: <digest-2025-09-02.abc@example.com>\r\n", head);
        Assert.Contains("MIME-Version: 1.0\r\n", head);
        Assert.Contains("List-Unsubscribe: <https://digest.example.com/api/unsubscribe?token=v1.daily.abc.sig>\r\n", head);
        Assert.Contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n", head);
        Assert.Contains("Content-Type: multipart/alternative;\r\n boundary=", head);
        Assert.True(eml.IndexOf("text/plain", StringComparison.Ordinal) < eml.IndexOf("text/html", StringComparison.Ordinal), "text part first, HTML last");
    }

    [Fact]
    public void Write_Message_EveryLineEndsWithCrlfAndStaysWithinLimits()
    {
        var eml = MimeWriter.Write(Message(subject: string.Join(' ', Enumerable.Repeat("Longwordsubject", 20))));

        Assert.DoesNotContain("\r\r", eml);
        Assert.Equal(0, eml.Replace("\r\n", string.Empty, StringComparison.Ordinal).Count(c => c is '\r' or '\n'));
        // RFC 5322 section 2.1.1: at most 998 characters (MUST), 78 where it can fold (SHOULD; a URL cannot fold);
        // quoted-printable body lines at most 76 (RFC 2045).
        var head = eml[..eml.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.All(head.Split("\r\n").Where(l => !l.StartsWith("List-Unsubscribe:", StringComparison.Ordinal)), line => Assert.True(line.Length <= 78, $"line of {line.Length}: {line}"));
        Assert.All(eml[head.Length..].Split("\r\n"), line => Assert.True(line.Length <= 76, $"line of {line.Length}: {line}"));
    }

    [Fact]
    public void Write_NonAsciiSubjectAndName_AreEncodedWordsThatDecodeBack()
    {
        var subject = "Résumé du jour: Kim Jong Un arrive à Pékin — 北京 " + new string('é', 40);
        var eml = MimeWriter.Write(Message(subject: subject, toName: "Zoë Ünal"));
        var head = eml[..eml.IndexOf("\r\n\r\n", StringComparison.Ordinal)];

        Assert.True(head.All(c => c < 128), "headers are ASCII only");
        var subjectHeader = head.Split("\r\nSubject: ")[1].Split("\r\nDate:")[0];
        Assert.Equal(subject, DecodeEncodedWords(subjectHeader));
        Assert.Contains("=?utf-8?B?", head.Split("\r\nTo: ")[1].Split("\r\n")[0]);
    }

    [Theory]
    [InlineData("Evil\r\nBcc: victim@example.com")]
    [InlineData("Evil\nBcc: victim@example.com")]
    [InlineData("Evil\rBcc: victim@example.com")]
    public void Write_SubjectWithLineBreak_CannotInjectAHeader(string subject)
    {
        var eml = MimeWriter.Write(Message(subject: subject));
        var head = eml[..eml.IndexOf("\r\n\r\n", StringComparison.Ordinal)];

        Assert.DoesNotContain("\r\nBcc:", head);
        Assert.Contains("Subject: Evil Bcc: victim@example.com", head);
    }

    [Fact]
    public void Write_HeaderValueWithLineBreak_IsRefused()
    {
        var headers = new Dictionary<string, string> { ["List-Unsubscribe"] = "<https://x>\r\nBcc: victim@example.com" };

        Assert.Throws<ArgumentException>(() => MimeWriter.Write(Message(headers: headers)));
    }

    [Theory]
    [InlineData("Bcc", "victim@example.com")]
    [InlineData("From", "evil@example.com")]
    [InlineData("List-Unsubscribe", "<https://x.example/ü>")]
    public void Write_RecipientHeaderTheSenderOwnsOrNonAscii_IsRefused(string name, string value)
    {
        Assert.Throws<ArgumentException>(() => MimeWriter.Write(Message(headers: new Dictionary<string, string> { [name] = value })));
    }

    [Fact]
    public void Write_NameWithQuotesAndLineBreak_StaysInsideTheToHeader()
    {
        var eml = MimeWriter.Write(Message(toName: "Eve\" <evil@example.com>\r\nBcc: x@example.com"));
        var head = eml[..eml.IndexOf("\r\n\r\n", StringComparison.Ordinal)];

        Assert.DoesNotContain("\r\nBcc:", head);
        Assert.Contains("<reader@example.com>", head.Split("\r\nTo: ")[1].Split("\r\n")[0]);
    }

    [Theory]
    [InlineData("reader@example.com>\r\nBcc: x@example.com")]
    [InlineData("not-an-address")]
    [InlineData("ünï@example.com")]
    public void Write_InvalidAddress_IsRefused(string address)
    {
        var message = Message() with { To = new MailboxAddress(address) };

        Assert.Throws<ArgumentException>(() => MimeWriter.Write(message));
    }

    [Fact]
    public void Write_Bodies_AreQuotedPrintableThatDecodesBack()
    {
        var message = Message();
        var eml = MimeWriter.Write(message);

        var parts = eml.Split("Content-Transfer-Encoding: quoted-printable\r\n\r\n");
        var text = DecodeQuotedPrintable(parts[1][..parts[1].IndexOf("\r\n--", StringComparison.Ordinal)]);
        var html = DecodeQuotedPrintable(parts[2][..parts[2].IndexOf("\r\n--", StringComparison.Ordinal)]);

        Assert.Equal(message.Text.Replace("\n", "\r\n", StringComparison.Ordinal), text);
        Assert.Equal(message.Html, html);
    }

    [Fact]
    public void Write_Message_IsReadableBySystemNetMailHeaderParsing()
    {
        // The To header parses as exactly one address: nothing was smuggled in.
        var eml = MimeWriter.Write(Message());
        var to = eml.Split("\r\nTo: ")[1].Split("\r\n")[0];

        var parsed = new MailAddressCollection { to };

        Assert.Equal("reader@example.com", Assert.Single(parsed).Address);
    }

    private static string DecodeEncodedWords(string header) =>
        string.Concat(header.Split("\r\n ").Select(word =>
        {
            var inner = word.Trim()["=?utf-8?B?".Length..^2];
            return Encoding.UTF8.GetString(Convert.FromBase64String(inner));
        }));

    internal static string DecodeQuotedPrintable(string encoded)
    {
        var unfolded = encoded.Replace("=\r\n", string.Empty, StringComparison.Ordinal);
        var bytes = new List<byte>();
        for (var i = 0; i < unfolded.Length; i++)
        {
            if (unfolded[i] == '=')
            {
                bytes.Add(Convert.ToByte(unfolded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)unfolded[i]);
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
