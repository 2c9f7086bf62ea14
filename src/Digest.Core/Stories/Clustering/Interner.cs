using System.Collections.Concurrent;

namespace Digest.Core.Stories.Clustering;

/// <summary>
/// Thread-safe feature-name interner (also turns raw counts into sublinear 1 + ln tf): provisional ids while articles are processed in parallel, then canonical ids
/// in ordinal name order (deterministic whatever the thread timing).
/// </summary>
internal sealed class Interner
{
    private readonly ConcurrentDictionary<string, int> ids = new(StringComparer.Ordinal);
    private int next = -1;

    public (int[] Ids, float[] Tf) Intern(Dictionary<string, float> features)
    {
        var result = new int[features.Count];
        var tf = new float[features.Count];
        var k = 0;
        foreach (var (name, weight) in features)
        {
            result[k] = ids.TryGetValue(name, out var id) ? id : ids.GetOrAdd(name, _ => Interlocked.Increment(ref next));
            tf[k] = 1f + MathF.Log(weight); // sublinear term frequency
            k++;
        }

        return (result, tf);
    }

    /// <summary>Names by canonical id, and the map from provisional to canonical id.</summary>
    public (string[] Names, int[] Map) Canonical()
    {
        var names = ids.Keys.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        // GetOrAdd may run the factory twice under contention; the losing id is never stored, so leave a gap.
        var map = new int[next + 1];
        for (var c = 0; c < names.Length; c++)
        {
            map[ids[names[c]]] = c;
        }

        return (names, map);
    }
}
