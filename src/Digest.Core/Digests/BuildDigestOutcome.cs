namespace Digest.Core.Digests;

/// <summary>What <see cref="BuildDigestJob"/> did for one day.</summary>
/// <param name="Day">Digest day.</param>
/// <param name="DigestId">Digest id.</param>
/// <param name="Created">False when another run had already created this day's digest (nothing was enqueued).</param>
/// <param name="Articles">Articles considered.</param>
/// <param name="Stories">Stories in the digest.</param>
/// <param name="MergedStories">Stories with more than one source.</param>
/// <param name="Batches">Send batches enqueued.</param>
/// <param name="Recipients">Active subscribers enqueued.</param>
public sealed record BuildDigestOutcome(DateOnly Day, string DigestId, bool Created, int Articles, int Stories, int MergedStories, int Batches, int Recipients)
{
    /// <summary>Stories composed beyond Digest:MaxStories and left out of the digest (the digest counts them).</summary>
    public int StoriesOverCap { get; init; }

    /// <summary>Stories the email shows in full (summary, sources, additions): the first Digest:FullStories.</summary>
    public int StoriesInFull { get; init; }

    /// <summary>Stories the email lists as one-liners ("In brief"): those after Digest:FullStories, up to Digest:MaxStories.</summary>
    public int StoriesInBrief { get; init; }

    /// <summary>True when the day had no stories and nothing was sent (Digest:SendEmptyDigest is false).</summary>
    public bool SkippedEmpty { get; init; }
}
