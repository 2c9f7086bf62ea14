using Digest.Core.Stories.Clustering;
using Microsoft.Extensions.Configuration;

namespace Digest.Lab.Commands;

/// <summary>
/// Applies Name=value overrides to the clusterer options (for tuning experiments with eval and bench), through the
/// configuration binder: any <see cref="StoryClusterOptions"/> property, its value in invariant culture.
/// </summary>
internal static class ClusterOptionOverrides
{
    public static bool TryApply(StoryClusterOptions start, IEnumerable<string> overrides, out StoryClusterOptions options, out string? error)
    {
        options = start;
        error = null;
        var values = new List<KeyValuePair<string, string?>>();
        foreach (var item in overrides)
        {
            var parts = item.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                error = $"--set wants Name=number, got '{item}'.";
                return false;
            }

            values.Add(new(parts[0], parts[1]));
        }

        var next = start with { };
        try
        {
            new ConfigurationBuilder().AddInMemoryCollection(values).Build().Bind(next, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e)
        {
            error = "--set: " + e.Message.Split('\n')[0].Trim();
            return false;
        }

        options = next;
        return true;
    }
}
