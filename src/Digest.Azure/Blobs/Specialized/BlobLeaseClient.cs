using System.Globalization;
using Azure;
using Azure.Core;
using Digest.Azure.Blobs.Models;

namespace Digest.Azure.Blobs.Specialized;

/// <summary>
/// Lease Blob (PUT ?comp=lease with x-ms-lease-action): acquire, renew, release, break. A held lease makes writes
/// and deletes without its id fail (412), and a second acquire fail (409 LeaseAlreadyPresent).
/// </summary>
public class BlobLeaseClient
{
    /// <summary>Pass as the duration for a lease that never expires.</summary>
    public static readonly TimeSpan InfiniteLeaseDuration = TimeSpan.FromSeconds(-1);

    private readonly BlobClient _blob = null!;

    internal BlobLeaseClient(BlobClient blob, string? leaseId)
    {
        _blob = blob;
        LeaseId = leaseId ?? Guid.NewGuid().ToString();
    }

    /// <summary>For mocking.</summary>
    protected BlobLeaseClient() => LeaseId = string.Empty;

    /// <summary>The id this client proposes on acquire and sends on renew/release.</summary>
    public string LeaseId { get; private set; }

    /// <param name="duration">15 to 60 seconds, or <see cref="InfiniteLeaseDuration"/>.</param>
    public virtual async Task<BlobLease> AcquireAsync(TimeSpan duration, RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        var seconds = (int)duration.TotalSeconds;
        if (duration != InfiniteLeaseDuration && seconds is < 15 or > 60)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), "A lease lasts 15 to 60 seconds, or is infinite.");
        }

        var lease = await SendAsync("acquire", 201, conditions, cancellationToken, request =>
        {
            request.Headers.SetValue("x-ms-lease-duration", seconds.ToString(CultureInfo.InvariantCulture));
            request.Headers.SetValue("x-ms-proposed-lease-id", LeaseId);
        }).ConfigureAwait(false);
        LeaseId = lease.LeaseId ?? LeaseId;
        return lease;
    }

    public virtual Task<BlobLease> RenewAsync(RequestConditions? conditions = null, CancellationToken cancellationToken = default) =>
        SendAsync("renew", 200, conditions, cancellationToken, request => request.Headers.SetValue("x-ms-lease-id", LeaseId));

    public virtual Task<BlobLease> ReleaseAsync(RequestConditions? conditions = null, CancellationToken cancellationToken = default) =>
        SendAsync("release", 200, conditions, cancellationToken, request => request.Headers.SetValue("x-ms-lease-id", LeaseId));

    /// <summary>Ends the lease (whoever holds it) after <paramref name="breakPeriod"/>, immediately by default.</summary>
    public virtual Task<BlobLease> BreakAsync(TimeSpan? breakPeriod = null, RequestConditions? conditions = null, CancellationToken cancellationToken = default) =>
        SendAsync("break", 202, conditions, cancellationToken, request =>
        {
            if (breakPeriod is { } period)
            {
                request.Headers.SetValue("x-ms-lease-break-period", ((int)period.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            }
        });

    private async Task<BlobLease> SendAsync(string action, ushort success, RequestConditions? conditions, CancellationToken cancellationToken, Action<Request> configure)
    {
        var pipeline = _blob.Pipeline;
        using var message = pipeline.CreateMessage(RequestMethod.Put, _blob.Uri, [success]);
        message.Request.Uri.AppendQuery("comp", "lease");
        message.Request.Headers.SetValue("x-ms-lease-action", action);
        configure(message.Request);
        if (conditions is not null)
        {
            BlobHeaders.ApplyConditions(message.Request, new BlobRequestConditions
            {
                IfMatch = conditions.IfMatch,
                IfNoneMatch = conditions.IfNoneMatch,
                IfModifiedSince = conditions.IfModifiedSince,
                IfUnmodifiedSince = conditions.IfUnmodifiedSince,
            });
        }

        var response = await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        response.Headers.TryGetValue("x-ms-lease-id", out var leaseId);
        int? leaseTime = response.Headers.TryGetValue("x-ms-lease-time", out var time) && int.TryParse(time, CultureInfo.InvariantCulture, out var t) ? t : null;
        return new BlobLease(BlobHeaders.ReadETag(response), BlobHeaders.ReadLastModified(response), leaseId, leaseTime);
    }
}
