namespace Digest.Core.Delivery.Subscribers;

/// <summary>A problem found in an import file. Messages show masked addresses only.</summary>
/// <param name="Location">"line 4", "item 2" or "file".</param>
/// <param name="Code">Stable code, e.g. "invalid-address", "unknown-status", "bad-csv".</param>
/// <param name="Message">Human-readable explanation.</param>
public sealed record SubscriberFileDiagnostic(string Location, string Code, string Message);
