namespace Digest.Core.Delivery.Subscribers;

/// <summary>One subscriber read from an import file. Null fields were not given (and leave stored values alone).</summary>
/// <param name="Location">Where it came from, e.g. "line 4" or "item 2" (for messages).</param>
/// <param name="Email">Validated, trimmed address.</param>
/// <param name="Name">Display name, or null.</param>
/// <param name="Status">Status, or null when the file has none for this row.</param>
/// <param name="Topics">Topics, or null when the file has none for this row.</param>
public sealed record SubscriberRow(string Location, string Email, string? Name, SubscriberStatus? Status, IReadOnlyList<string>? Topics);
