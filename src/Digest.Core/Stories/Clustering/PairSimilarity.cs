using System.Numerics.Tensors;

namespace Digest.Core.Stories.Clustering;

/// <summary>
/// How alike two articles are as reports of one event, on the scale of the batch's merge threshold.
/// <para>Lexical rule (no embeddings in the batch): a blend of stem cosine (topic) and entity/number cosine (who,
/// where, how many), zero when they share too few entities (look-alike events: two shootings, two summits).</para>
/// <para>Semantic rule (both have embeddings): full-text pairs blend embedding, stem and name cosines, scaled down
/// when the name cosine is under a gate (look-alikes); headline-only pairs blend embedding and stem cosines and are
/// scaled up by SemanticThreshold / HeadlineThreshold (short texts score lower); a pair in between blends the two
/// by the shorter article's share of full text, and the headline rule's scale-up shrinks when one side is much longer. A pair lacking a vector in a semantic batch uses the lexical rule,
/// rescaled to the semantic threshold.</para>
/// Both are discounted when the dates lie far apart (the closest two of each side's publication day and the days its
/// lead names); unknown dates are neutral.
/// </summary>
internal static class PairSimilarity
{
    public static float Of(FeatureSpace space, int a, int b, StoryClusterOptions options)
    {
        if (!space.HasVectors)
        {
            return Lexical(space.Terms[a], space.Entities[a], space.Terms[b], space.Entities[b], options) * TimeFactor(space, a, b, options, options.DayDecay);
        }

        var time = TimeFactor(space, a, b, options, options.SemanticDayDecay);
        if (space.Vectors[a] is not { } va || space.Vectors[b] is not { } vb)
        {
            return Lexical(space.Terms[a], space.Entities[a], space.Terms[b], space.Entities[b], options) * time * options.SemanticThreshold / options.MergeThreshold;
        }

        var cosine = TensorPrimitives.Dot(va, vb);
        var term = space.Terms[a].Dot(space.Terms[b]);
        var full = Math.Min(space.FullText[a], space.FullText[b]);
        var longer = Math.Max(space.FullText[a], space.FullText[b]);
        var entity = full > 0f ? space.Entities[a].Dot(space.Entities[b]) : 0f;
        var sharedRare = 0;
        if (full > 0f && options.RareNameBonus > 0f && options.MaxRareNames > 0 && space.Count >= options.IdfPriorDocuments)
        {
            // Names and numbers that only a few articles of the batch mention (a victim, a street, a small town)
            // are strong evidence of one event, whatever else the reports share or not. Only in a batch large
            // enough to have common names (as many articles as the IDF prior): in a handful, every name is "rare".
            sharedRare = space.Entities[a].CountSharedRare(space.Entities[b], space.EntityDf, options.RareNameArticles, options.MaxRareNames);
        }

        return Semantic(cosine, term, entity, full, longer, sharedRare, options) * time;
    }

    /// <summary>
    /// The semantic rule on given cosines (before the date discount): two articles, or a story of today against a
    /// story-day of the index (mean vectors, signatures), so cross-day continuity weighs the same evidence.
    /// </summary>
    /// <param name="full">Full-text share of the pair (the shorter side's), 0 = headlines only.</param>
    /// <param name="longer">Full-text share of the longer side: the headline rule's scale-up shrinks with the gap between the two.</param>
    /// <param name="sharedRare">Rare names and numbers both mention (already capped at <see cref="StoryClusterOptions.MaxRareNames"/>).</param>
    public static float Semantic(float cosine, float term, float entity, float full, float longer, int sharedRare, StoryClusterOptions options)
    {
        var similarity = 0f;
        if (full > 0f)
        {
            var blend = (options.SemanticShare * cosine) + (options.SemanticTermShare * term) + ((1f - options.SemanticShare - options.SemanticTermShare) * entity);
            if (entity < options.SemanticEntityGate) blend *= options.LookAlikeFactor;
            blend += options.RareNameBonus * sharedRare;
            similarity += full * blend;
        }

        if (full < 1f)
        {
            var headline = (options.HeadlineSemanticShare * cosine) + ((1f - options.HeadlineSemanticShare) * term);
            // Two short texts score lower than two full ones, hence the scale-up to the full-text threshold; it was
            // measured on pairs of equally short items (headlines). A headline against a full report is not such a
            // pair: it would be judged by the headline rule alone (no names view) and scaled up as if both were
            // headlines, and a look-alike's full reports took in every headline of its twin (issue 21). The scale-up
            // shrinks with the gap between the two sides' full-text shares, by UnevenPairScaling (1: none left for a
            // headline against a full article).
            var scale = options.SemanticThreshold / options.HeadlineThreshold;
            scale = 1f + ((scale - 1f) * Math.Max(0f, 1f - (options.UnevenPairScaling * (longer - full))));
            similarity += (1f - full) * headline * scale;
        }

        return similarity;
    }

    /// <summary>The lexical rule (also used for cross-day matching of story signatures).</summary>
    public static float Lexical(SparseVector termsA, SparseVector entitiesA, SparseVector termsB, SparseVector entitiesB, StoryClusterOptions options)
    {
        var entity = entitiesA.Dot(entitiesB);
        if (entity < options.MinEntitySimilarity)
        {
            return 0f;
        }

        var term = termsA.Dot(termsB);
        return (options.TermShare * term) + ((1f - options.TermShare) * entity);
    }

    /// <summary>The merge threshold of a batch of <paramref name="articles"/>: semantic when it holds embeddings.</summary>
    public static float Threshold(FeatureSpace space, StoryClusterOptions options) =>
        space.HasVectors ? options.SemanticThresholdFor(space.Count) : options.ThresholdFor(space.Count);

    /// <summary>
    /// The date discount of two articles of the batch, by their closest two days: the publication days, or a day either
    /// one's lead names (a follow-up that names the event's day, weeks later). Unknown dates are neutral.
    /// </summary>
    private static float TimeFactor(FeatureSpace space, int a, int b, StoryClusterOptions options, float decay)
    {
        if (space.Days[a] is not { } x || space.Days[b] is not { } y) return 1f;
        var gap = Math.Abs(x - y);
        foreach (var (from, to) in space.NamedDays[a]) gap = Math.Min(gap, Distance(from, to, y, y));
        foreach (var (from, to) in space.NamedDays[b])
        {
            gap = Math.Min(gap, Distance(from, to, x, x));
            foreach (var (otherFrom, otherTo) in space.NamedDays[a]) gap = Math.Min(gap, Distance(from, to, otherFrom, otherTo));
        }

        return TimeFactor(x, x + gap, options, decay);
    }

    /// <summary>Days between two runs of days (0 when they overlap).</summary>
    private static int Distance(int fromA, int toA, int fromB, int toB) => Math.Max(0, Math.Max(fromA, fromB) - Math.Min(toA, toB));

    public static float TimeFactor(int? dayA, int? dayB, StoryClusterOptions options, float? decay = null)
    {
        if (dayA is not { } x || dayB is not { } y)
        {
            return 1f;
        }

        var extra = Math.Abs(x - y) - options.FreeDays;
        return extra <= 0 ? 1f : MathF.Exp(-extra / (decay ?? options.DayDecay));
    }
}
