using System.Collections.Concurrent;
using Digest.Core.Delivery;

namespace Digest.Functions.Tests.Support;

/// <summary>An email sender that accepts everything and keeps what it was given (the provider's side of a test).</summary>
internal sealed class RecordingEmailSender : IEmailSender
{
    private readonly ConcurrentQueue<(EmailBatch Batch, EmailRecipient Recipient)> _sent = new();

    public IReadOnlyList<(EmailBatch Batch, EmailRecipient Recipient)> Sent => [.. _sent];

    /// <summary>The addresses of the messages whose category is <paramref name="category"/>.</summary>
    public IReadOnlyList<string> To(string category) =>
        [.. _sent.Where(s => s.Batch.Content.Categories.Contains(category)).Select(s => s.Recipient.Email)];

    /// <summary>0: the whole batch in one call.</summary>
    public int RecipientsPerCall => 0;

    public Task<IReadOnlyList<RecipientOutcome>> SendAsync(EmailBatch batch, CancellationToken cancellationToken = default)
    {
        foreach (var recipient in batch.Recipients)
        {
            _sent.Enqueue((batch, recipient));
        }

        return Task.FromResult<IReadOnlyList<RecipientOutcome>>([.. batch.Recipients.Select(r => new RecipientOutcome(r.SubscriberKey, true, batch.DigestId + "." + r.SubscriberKey, null))]);
    }
}
