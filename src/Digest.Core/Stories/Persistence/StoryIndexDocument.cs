namespace Digest.Core.Stories.Persistence;

/// <summary>The stories index (state/stories/index.json): recent stories, so a later day's article can continue one.</summary>
/// <param name="Stories">Stories seen within the lookback window.</param>
public sealed record StoryIndexDocument(IReadOnlyList<StoryIndexEntry> Stories);
