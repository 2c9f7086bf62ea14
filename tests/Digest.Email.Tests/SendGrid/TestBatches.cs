using Digest.Core.Delivery;

namespace Digest.Email.Tests;

/// <summary>Builds batches the way the send job does: shared content with tags, per-recipient substitutions and headers.</summary>
internal static class TestBatches
{
    public static EmailContent Content(string subject = "Daily Digest: Zürich, Köln & São Paulo") => new(
        "digest@example.com",
        "Daily Digest",
        subject,
        $"<p>Hello {EmailTags.NameHtml}</p><p><a href=\"{EmailTags.UnsubscribeUrl}\">Unsubscribe</a></p>",
        $"Hello {EmailTags.NameText}\n\nUnsubscribe: {EmailTags.UnsubscribeUrl}\n",
        ["digest"]);

    public static EmailRecipient Recipient(string email, string? name = null)
    {
        var key = SubscriberKey.For(email);
        var url = $"https://digest.example.org/api/unsubscribe?token=v1.list.{key}.sig";
        return new EmailRecipient(
            email,
            name,
            key,
            new Dictionary<string, string>
            {
                [EmailTags.UnsubscribeUrl] = url,
                [EmailTags.NameText] = name ?? "reader",
                [EmailTags.NameHtml] = System.Net.WebUtility.HtmlEncode(name ?? "reader"),
            },
            new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = $"<{url}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            });
    }

    public static EmailBatch Batch(int count, string batchId = "b-0001", EmailContent? content = null, string domain = "example.com") =>
        new("2025-09-02", batchId, content ?? Content(), Enumerable.Range(0, count).Select(i => Recipient($"user{i:D6}@{domain}", $"User {i}")).ToList());
}
