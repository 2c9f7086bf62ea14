using Digest.Core.Stories.Clustering;

namespace Digest.Core.Stories.Persistence;

/// <summary>
/// Pure rules of the stories index: which earlier story (if any) each of today's groups continues, and the index
/// after today. Only contributions from days before <c>day</c> are matched against, and today's previous
/// contributions are replaced, so composing the same day twice gives the same result.
/// </summary>
internal static class StoryIndex
{
    /// <summary>For each group, the index entry it continues, or null for a new story.</summary>
    public static StoryIndexEntry?[] Match(StoryIndexDocument index, DateOnly day, IReadOnlyList<StorySignature> groups, int batchSize, bool semantic, int lookbackDays, StoryClusterOptions options)
    {
        var earliest = day.AddDays(-lookbackDays);
        var earlier = index.Stories
            .Select(e => (Entry: e, Days: e.Days.Where(d => d.Day < day && d.Day >= earliest).ToList()))
            .Where(x => x.Days.Count > 0)
            .Select(x => (x.Entry, Signature: StorySignature.Combine(x.Days), Gap: day.DayNumber - x.Days.Max(d => d.Day).DayNumber))
            .ToList();

        // The same-day merge threshold of today's batch (semantic when it has vectors), as for two of today's groups.
        var threshold = semantic ? options.SemanticThresholdFor(batchSize) : options.ThresholdFor(batchSize);
        var scored = new List<(float Score, int Group, int Entry)>();
        for (var g = 0; g < groups.Count; g++)
        {
            for (var e = 0; e < earlier.Count; e++)
            {
                var score = groups[g].Similarity(earlier[e].Signature, earlier[e].Gap, options, semantic);
                if (score >= threshold) scored.Add((score, g, e));
            }
        }

        // Best pairs first; an earlier story continues into at most one of today's groups.
        var result = new StoryIndexEntry?[groups.Count];
        var taken = new HashSet<int>();
        foreach (var (_, g, e) in scored.OrderByDescending(s => s.Score).ThenBy(s => s.Group).ThenBy(s => s.Entry))
        {
            if (result[g] is not null || !taken.Add(e)) continue;
            result[g] = earlier[e].Entry;
        }

        return result;
    }

    /// <summary>The index after recording today's stories (by id) and dropping stories older than the lookback.</summary>
    public static StoryIndexDocument Update(StoryIndexDocument index, DateOnly day, IReadOnlyList<(string Id, string Headline, StoryDayRecord Record)> today, int lookbackDays)
    {
        var byId = new Dictionary<string, StoryIndexEntry>(StringComparer.Ordinal);
        foreach (var entry in index.Stories)
        {
            var days = entry.Days.Where(d => d.Day != day).ToList();
            if (days.Count > 0) byId[entry.Id] = entry with { Days = days };
        }

        foreach (var (id, headline, record) in today)
        {
            var days = byId.TryGetValue(id, out var existing) ? existing.Days.Append(record) : [record];
            byId[id] = new StoryIndexEntry(id, headline, days.OrderBy(d => d.Day).ToList());
        }

        var newest = byId.Values.SelectMany(e => e.Days).Select(d => d.Day).DefaultIfEmpty(day).Max();
        var keepFrom = (newest > day ? newest : day).AddDays(-lookbackDays);
        var stories = byId.Values
            .Where(e => e.Days[^1].Day >= keepFrom)
            .OrderBy(e => e.Days[0].Day).ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        return new StoryIndexDocument(stories);
    }
}
