using Digest.Core.Delivery;

namespace Digest.Functions;

/// <summary>
/// TEMPORARY, replaced at merge (see <see cref="HandlerServices.AddDigestEmailSender"/>): the email package is not on
/// this branch yet. Refuses to send, so SendDigest fails with 500 (retried, then poisoned) rather than pretending.
/// </summary>
internal sealed class UnconfiguredEmailSender : IEmailSender
{
    public Task<IReadOnlyList<RecipientOutcome>> SendAsync(EmailBatch batch, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("No email sender is configured in the Functions handler (HandlerServices.AddDigestEmailSender).");
}
