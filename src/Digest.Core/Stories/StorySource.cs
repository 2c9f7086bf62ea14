namespace Digest.Core.Stories;

/// <summary>One article cited by a story.</summary>
/// <param name="ArticleId">Id of the normalised article.</param>
/// <param name="Outlet">Outlet if the article names one (null: shown by its headline, never an invented name).</param>
/// <param name="Title">The article's own headline.</param>
/// <param name="Url">Link when known.</param>
/// <param name="Published">Publication time when known.</param>
/// <param name="Additions">At most two sentences with facts the other sources lack.</param>
public sealed record StorySource(
    string ArticleId,
    string? Outlet,
    string Title,
    Uri? Url,
    DateTimeOffset? Published,
    IReadOnlyList<string> Additions);
