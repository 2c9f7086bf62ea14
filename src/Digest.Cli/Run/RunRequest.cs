namespace Digest.Cli.Run;

/// <summary>What `digest run` was asked to do.</summary>
/// <param name="Inputs">Files or folders of articles.</param>
/// <param name="SubscribersFile">JSON or CSV subscribers file; null for none.</param>
/// <param name="OutputFolder">Where digest.json|html|txt, outbox/ and rejected.json go.</param>
/// <param name="StoreFolder">Persistent file-system store (null: a fresh one inside the output folder).</param>
/// <param name="Day">Digest day (null: today in the configured time zone).</param>
internal sealed record RunRequest(IReadOnlyList<string> Inputs, string? SubscribersFile, string OutputFolder, string? StoreFolder, DateOnly? Day);
