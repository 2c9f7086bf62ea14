namespace Digest.Core.Stories.Clustering;

/// <summary>
/// How alike two articles are as reports of one event (0-1): a blend of stem cosine (topic) and entity/number
/// cosine (who, where, how many), zero when they share too few entities (look-alike events: two shootings, two
/// summits), discounted when their dates lie far apart. Unknown dates are neutral.
/// </summary>
internal static class PairSimilarity
{
    public static float Of(FeatureSpace space, int a, int b, StoryClusterOptions options) =>
        Of(space.Terms[a], space.Entities[a], space.Days[a], space.Terms[b], space.Entities[b], space.Days[b], options);

    public static float Of(
        SparseVector termsA,
        SparseVector entitiesA,
        int? dayA,
        SparseVector termsB,
        SparseVector entitiesB,
        int? dayB,
        StoryClusterOptions options)
    {
        var entity = entitiesA.Dot(entitiesB);
        if (entity < options.MinEntitySimilarity)
        {
            return 0f;
        }

        var term = termsA.Dot(termsB);
        var similarity = (options.TermShare * term) + ((1f - options.TermShare) * entity);
        return similarity * TimeFactor(dayA, dayB, options);
    }

    public static float TimeFactor(int? dayA, int? dayB, StoryClusterOptions options)
    {
        if (dayA is not { } x || dayB is not { } y)
        {
            return 1f;
        }

        var extra = Math.Abs(x - y) - options.FreeDays;
        return extra <= 0 ? 1f : MathF.Exp(-extra / options.DayDecay);
    }
}
