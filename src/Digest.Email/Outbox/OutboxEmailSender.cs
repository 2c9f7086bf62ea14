using Digest.Core.Delivery;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Digest.Email.Outbox;

/// <summary>
/// Writes one RFC 5322 .eml file per recipient into a folder (MimeKit, through <see cref="EmailMessageFactory"/>).
/// File names are deterministic ({digest}_{subscriber key}.eml) and created with CreateNew, so a retried batch never
/// writes a second copy. Files are 7-bit (bodies quoted-printable or base64, headers RFC 2047) with CRLF line ends,
/// as they would travel.
/// </summary>
public sealed class OutboxEmailSender(IOptions<OutboxOptions> options, TimeProvider time) : IEmailSender
{
    private static readonly FormatOptions Format = CreateFormat();
    private readonly EmailMessageFactory _factory = new(time);

    public async Task<IReadOnlyList<RecipientOutcome>> SendAsync(EmailBatch batch, CancellationToken cancellationToken = default)
    {
        var (from, contentError) = EmailMessageFactory.CheckContent(batch.Content);
        if (from is null)
        {
            return batch.Recipients.Select(r => new RecipientOutcome(r.SubscriberKey, false, null, contentError)).ToList();
        }

        var folder = Path.GetFullPath(options.Value.Path);
        Directory.CreateDirectory(folder);
        var outcomes = new List<RecipientOutcome>(batch.Recipients.Count);
        foreach (var recipient in batch.Recipients)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (message, error) = _factory.Create(from, batch, recipient);
            if (message is null)
            {
                // Bad address or header for this recipient: a permanent failure for them alone.
                outcomes.Add(new RecipientOutcome(recipient.SubscriberKey, false, null, error));
                continue;
            }

            using (message)
            {
                message.Prepare(EncodingConstraint.SevenBit);
                var path = Path.Combine(folder, $"{batch.DigestId}_{recipient.SubscriberKey}.eml");
                try
                {
                    await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16384, useAsync: true);
                    await message.WriteToAsync(Format, stream, cancellationToken).ConfigureAwait(false);
                }
                catch (IOException) when (File.Exists(path))
                {
                    // Already in the outbox from an earlier attempt: accepted once, not written twice.
                }

                outcomes.Add(new RecipientOutcome(recipient.SubscriberKey, true, message.MessageId, null));
            }
        }

        return outcomes;
    }

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
