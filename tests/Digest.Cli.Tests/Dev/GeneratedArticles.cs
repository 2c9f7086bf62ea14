using System.Globalization;

namespace Digest.Cli.Tests.Dev;

/// <summary>Small distinct plain-text articles for burst and kill tests (generated, never stored in the repository).</summary>
internal static class GeneratedArticles
{
    private static readonly string[] Places = ["Lisbon", "Nairobi", "Osaka", "Quito", "Tallinn", "Perth", "Accra", "Bergen"];
    private static readonly string[] Topics = ["bridge repairs", "a water main", "school meals", "a rail timetable", "a harbour dredge", "library hours"];

    public static string Text(int i)
    {
        var place = Places[i % Places.Length];
        var topic = Topics[i / Places.Length % Topics.Length];
        var n = i.ToString(CultureInfo.InvariantCulture);
        return $"{place} council votes on {topic}, item {n}\n\n"
            + $"The council of {place} voted {n} to {i % 7} on {topic} on Tuesday, officials said. "
            + $"Reference {n}-{place.ToUpperInvariant()} covers the budget of {i * 13 % 997} thousand.\n\n"
            + $"Residents asked about {topic} at a meeting that lasted {i % 5 + 1} hours.\n";
    }
}
