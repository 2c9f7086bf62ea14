namespace Digest.Core.Delivery.Subscribers;

/// <summary>What an import did.</summary>
/// <param name="Added">New subscribers.</param>
/// <param name="Updated">Existing subscribers whose name, topics or status changed.</param>
/// <param name="Unchanged">Existing subscribers the file left as they were.</param>
/// <param name="KeptInactive">Rows asking for "active" that were NOT applied because the subscriber had unsubscribed or bounced.</param>
/// <param name="Merged">Rows folded into an earlier row with the same address (case-insensitive).</param>
/// <param name="Diagnostics">Notes about rows (masked addresses only).</param>
public sealed record SubscriberImportResult(int Added, int Updated, int Unchanged, int KeptInactive, int Merged, IReadOnlyList<SubscriberFileDiagnostic> Diagnostics);
