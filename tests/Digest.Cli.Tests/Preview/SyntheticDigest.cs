using Digest.Core.Digests;
using Digest.Core.Stories;

namespace Digest.Cli.Tests.Preview;

/// <summary>
/// A busy day made up from word lists (no real news text): stories with 1-6 sources from a dozen outlets, long
/// headlines and summaries, one addition per source, some developing stories and some plain-http article links.
/// </summary>
internal static class SyntheticDigest
{
    public static readonly DateOnly Day = new(2025, 9, 2);

    private static readonly string[] Outlets =
        ["The Harbour Gazette", "Northern Wire", "Valley Times", "Metro Daily Courier", "Coastal Broadcasting", "The Evening Ledger", "Riverside Post", "Capital Report", "Island Radio News", "The Morning Standard", "Frontier Herald", "Lakeside Chronicle"];

    private static readonly string[] Subjects = ["Council", "Ministers", "Regional rail operator", "Harbour authority", "University researchers", "Health board", "Farmers' union", "Central bank", "Water company", "Local hospital"];

    private static readonly string[] Verbs = ["announces", "delays", "approves", "rejects", "reviews", "expands", "cuts", "defends", "suspends", "unveils"];

    private static readonly string[] Objects = ["plan for new coastal ferry timetable", "budget for school meals next spring", "repairs to the old harbour bridge", "pay offer after weeks of talks", "flood defences along the river", "rules on short-term holiday lets", "trial of night buses across the city", "funding for rural broadband links", "inquiry into delayed hospital wing", "interest rate decision for the quarter"];

    private static readonly string[] Words =
        ["officials", "said", "the", "decision", "would", "affect", "thousands", "of", "residents", "across", "region", "after", "months", "consultation", "while", "critics", "argued", "costs", "had", "risen", "sharply", "since", "last", "year", "and", "that", "further", "details", "are", "expected", "next", "week", "according", "to", "a", "statement", "published", "on", "Tuesday", "morning"];

    public static DigestDocument Create(int count)
    {
        var stories = Enumerable.Range(0, count).Select(Story).ToArray();
        var ranked = StoryRanking.Rank(stories).ToArray();
        return new DigestDocument(DigestDocument.IdFor(Day), Day, new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero), stories.Sum(s => s.Sources.Count), ranked);
    }

    private static Story Story(int i)
    {
        var headline = $"{Subjects[i % Subjects.Length]} {Verbs[(i * 3) % Verbs.Length]} {Objects[(i * 7) % Objects.Length]} in district {i + 1}";
        var sources = 1 + (i * 5 % 6);
        return new Story(
            $"story-{i:D3}",
            headline,
            [Sentence(i, 24), Sentence(i + 1, 20), Sentence(i + 2, 16)],
            Enumerable.Range(0, sources).Select(j => new StorySource(
                $"a{i}-{j}",
                Outlets[(i + j) % Outlets.Length],
                $"{headline}, {Outlets[(i + j) % Outlets.Length]} reports on what happens next",
                new Uri($"{(j % 4 == 3 ? "http" : "https")}://news{(i + j) % Outlets.Length}.example/{Day:yyyy/MM/dd}/story-{i}-{j}"),
                new DateTimeOffset(2025, 9, 2, i % 12, j, 0, TimeSpan.Zero),
                [Sentence(i + j + 5, 22)])).ToArray(),
            i % 9 == 4 ? Day.AddDays(-2) : Day,
            i % 9 == 4,
            new DateTimeOffset(2025, 9, 2, i % 12, 0, 0, TimeSpan.Zero))
        ;
    }

    private static string Sentence(int seed, int length)
    {
        var words = Enumerable.Range(0, length).Select(k => Words[(seed * 7 + k * 3) % Words.Length]).ToArray();
        return char.ToUpperInvariant(words[0][0]) + string.Join(' ', words)[1..] + ".";
    }
}
