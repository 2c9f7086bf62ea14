using Digest.Core.Delivery;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Digest.Email.Outbox;

/// <summary>
/// Writes one RFC 5322 .eml file per recipient into a folder (MimeKit, through <see cref="EmailMessageFactory"/>).
/// File names are deterministic ({digest}_{subscriber key}.eml), so a retried batch never writes a second copy. Each
/// message is written to a temporary name in the folder and renamed into place once complete (never over an existing
/// file), so an .eml in the outbox is always whole; a write that fails (disk full, read-only) deletes its temporary
/// file and throws, and the recipient is not counted as sent. One recipient per call, so the job's claims cover one
/// message at a time. Files are 7-bit (bodies quoted-printable or base64, headers RFC 2047) with CRLF line ends,
/// as they would travel.
/// </summary>
public sealed class OutboxEmailSender(IOptions<OutboxOptions> options, TimeProvider time) : IEmailSender
{
    private static readonly FormatOptions Format = CreateFormat();
    private readonly EmailMessageFactory _factory = new(time);

    public int RecipientsPerCall => 1;

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
                if (!File.Exists(path))
                {
                    // Only complete files are ever renamed into place, so an existing one is an earlier attempt's success.
                    await WriteWholeAsync(message, path, cancellationToken).ConfigureAwait(false);
                }

                outcomes.Add(new RecipientOutcome(recipient.SubscriberKey, true, message.MessageId, null));
            }
        }

        return outcomes;
    }

    private static async Task WriteWholeAsync(MimeMessage message, string path, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16384, useAsync: true))
            {
                await message.WriteToAsync(Format, stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // A concurrent attempt renamed its complete copy first: the message is in the outbox once.
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
