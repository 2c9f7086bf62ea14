namespace Digest.Core.Articles;

/// <summary>A run of paragraphs under an optional heading.</summary>
public sealed record ArticleSection(string? Heading, IReadOnlyList<string> Paragraphs);
