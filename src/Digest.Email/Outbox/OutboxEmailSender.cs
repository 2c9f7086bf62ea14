using Digest.Core.Delivery;
using Digest.Email.Mime;
using Microsoft.Extensions.Options;

namespace Digest.Email.Outbox;

/// <summary>
/// Writes one RFC 5322 .eml file per recipient into a folder. File names are deterministic
/// ({digest}_{subscriber key}.eml) and created with CreateNew, so a retried batch never writes a second copy.
/// </summary>
public sealed class OutboxEmailSender(IOptions<OutboxOptions> options, TimeProvider time) : IEmailSender
{
    public async Task<IReadOnlyList<RecipientOutcome>> SendAsync(EmailBatch batch, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(options.Value.Path);
        Directory.CreateDirectory(folder);
        var outcomes = new List<RecipientOutcome>(batch.Recipients.Count);
        foreach (var recipient in batch.Recipients)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var messageId = MessageIds.For(batch.DigestId, recipient.SubscriberKey, batch.Content.FromAddress);
            var message = new MimeMessage(
                new MailboxAddress(batch.Content.FromAddress, batch.Content.FromName),
                new MailboxAddress(recipient.Email, recipient.Name),
                batch.Content.Subject,
                EmailTags.Apply(batch.Content.Text, recipient.Substitutions),
                EmailTags.Apply(batch.Content.Html, recipient.Substitutions),
                time.GetLocalNow(),
                messageId,
                recipient.Headers);

            string eml;
            try
            {
                eml = MimeWriter.Write(message);
            }
            catch (ArgumentException e)
            {
                // Bad address or header for this recipient: a permanent failure for them alone.
                outcomes.Add(new RecipientOutcome(recipient.SubscriberKey, false, null, e.Message));
                continue;
            }

            var path = Path.Combine(folder, $"{batch.DigestId}_{recipient.SubscriberKey}.eml");
            try
            {
                await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16384, useAsync: true);
                await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
                await writer.WriteAsync(eml.AsMemory(), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Already in the outbox from an earlier attempt: accepted once, not written twice.
            }

            outcomes.Add(new RecipientOutcome(recipient.SubscriberKey, true, messageId, null));
        }

        return outcomes;
    }
}
