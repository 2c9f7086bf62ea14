namespace Digest.Core.Articles;

/// <summary>An input that produced no article, with why. Stored next to the quarantined original.</summary>
/// <param name="Source">File or blob name.</param>
/// <param name="Reason">The first error's message.</param>
/// <param name="Diagnostics">Everything the parser noticed.</param>
/// <param name="Length">Input size in bytes.</param>
/// <param name="RejectedAt">When.</param>
/// <param name="ETag">The version of the upload that was rejected (null for entries written before it was recorded).</param>
public sealed record Rejection(string Source, string Reason, IReadOnlyList<ParseDiagnostic> Diagnostics, long Length, DateTimeOffset RejectedAt, string? ETag = null);
