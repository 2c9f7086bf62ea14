namespace Digest.Email.Tests.SendGrid;

/// <summary>Failures the fake SendGrid server can inject.</summary>
public enum FakeSendGridFault
{
    /// <summary>429 with X-RateLimit-Reset (epoch seconds) and X-RateLimit-Remaining: 0.</summary>
    RateLimited,

    /// <summary>500 with SendGrid-style error JSON.</summary>
    ServerError,

    /// <summary>Waits longer than the client's attempt timeout BEFORE accepting, so nothing is recorded.</summary>
    Timeout,

    /// <summary>
    /// Records the acceptance, THEN stalls past the client's timeout: the classic duplicate (SendGrid has no
    /// idempotency key). Not in the default fault list; used to document the risk.
    /// </summary>
    AcceptThenStall,
}
