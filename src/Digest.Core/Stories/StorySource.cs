namespace Digest.Core.Stories;

/// <summary>One article cited by a story.</summary>
/// <param name="ArticleId">Id of the normalised article.</param>
/// <param name="Outlet">The outlet the article names, else one derived from its link (<see cref="OutletName"/>); null when neither is known (shown as "Unknown source").</param>
/// <param name="Title">The article's own headline.</param>
/// <param name="Url">Link when known.</param>
/// <param name="Published">Publication time when known.</param>
/// <param name="Additions">At most one sentence (30 words or fewer): an on-topic fact no other source of the story reports; empty when there is none worth showing.</param>
public sealed record StorySource(
    string ArticleId,
    string? Outlet,
    string Title,
    Uri? Url,
    DateTimeOffset? Published,
    IReadOnlyList<string> Additions);
