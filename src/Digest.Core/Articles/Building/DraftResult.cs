namespace Digest.Core.Articles.Building;

/// <summary>What a format parser returns: a draft to build, or the rejection that ends parsing early.</summary>
internal readonly record struct DraftResult(ArticleDraft? Draft, ArticleParseResult? Rejection)
{
    public static implicit operator DraftResult(ArticleDraft draft) => new(draft, null);

    public static implicit operator DraftResult(ArticleParseResult rejection) => new(null, rejection);
}
