using System.Globalization;
using System.Text.RegularExpressions;
using Digest.Core.Articles;
using Digest.Core.Stories.Embeddings;

namespace Digest.Core.Stories.Text;

/// <summary>
/// The recent days an article's headline and lead name (issue 21): "the Nov. 2 shooting", "on June 13", "2 November",
/// "June 15, 2016", and months ("last April", "in May", "early March 2016"). A follow-up names the day of the event it
/// follows, so reports weeks apart can still be seen as one story, while a look-alike names its own day.
/// <list type="bullet">
/// <item>Resolved against the publication day: a date without a year is the latest such date on or before it (one day
/// of grace for time zones); a month without a year the latest such month not after it.</item>
/// <item>Only days from <see cref="LookbackDays"/> before publication to one day after are kept (a follow-up names a
/// recent event; older dates are background), at most <see cref="MaxRanges"/> per article.</item>
/// <item>Only the text the embedding reads (<see cref="EmbeddingText.MaxCharacters"/> of headline and lead): later
/// paragraphs name earlier, other events as background.</item>
/// <item>Weekdays are not read: relative to the publication day they fall within the last week, inside the date
/// discount's free days. An undated article has none (nothing to resolve against).</item>
/// </list>
/// Computed once at parse time and stored with the parsed article (<see cref="Article.NamedDays"/>).
/// </summary>
public static partial class DateMentions
{
    public const int LookbackDays = 120;

    public const int MaxRanges = 8;

    private const string Months = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";

    private const string FullMonths = "January|February|March|April|May|June|July|August|September|October|November|December";

    // Month names are matched as written in news (capitalised), so "may" the verb is not a month.
    [GeneratedRegex(
        @"\b(?:(?<month>" + Months + @")\.?\s+(?<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?<year>(?:19|20)\d\d)\b)?"
        + @"|(?<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?<month>" + Months + @")\b\.?(?:,?\s+(?<year>(?:19|20)\d\d)\b)?"
        + @"|(?i:last|in|early|late|mid-?)\s+(?<only>" + FullMonths + @")\b(?:\s+(?<year>(?:19|20)\d\d)\b)?)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();

    /// <summary>The days the article's headline and lead name, in order of first mention; none when it has no date.</summary>
    public static IReadOnlyList<DayRange> In(Article article)
    {
        if (article.Published is not { } published) return [];
        return In(EmbeddingText.For(article), DateOnly.FromDateTime(published.UtcDateTime));
    }

    /// <summary>The days <paramref name="text"/> names, resolved against <paramref name="published"/>.</summary>
    public static IReadOnlyList<DayRange> In(string text, DateOnly published)
    {
        // The calendar's first and last years leave no room for "last December" or one day of grace: no days there.
        if (published.Year is < 2 or > 9998) return [];
        var earliest = published.AddDays(-LookbackDays);
        var latest = published.AddDays(1);
        var ranges = new List<DayRange>();
        try
        {
            foreach (Match m in Pattern().Matches(text))
            {
                if (Resolve(m, published) is not var (from, to) || to < earliest || from > latest) continue;
                var range = new DayRange(from < earliest ? earliest : from, to > latest ? latest : to);
                if (!ranges.Contains(range)) ranges.Add(range);
                if (ranges.Count == MaxRanges) break;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Hostile text: what was found so far stands; dates are evidence, never required.
        }

        return ranges;
    }

    private static (DateOnly From, DateOnly To)? Resolve(Match m, DateOnly published)
    {
        int? year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
        if (m.Groups["only"].Success)
        {
            var only = MonthOf(m.Groups["only"].Value);
            var first = new DateOnly(year ?? (only <= published.Month ? published.Year : published.Year - 1), only, 1);
            return (first, first.AddMonths(1).AddDays(-1));
        }

        var month = MonthOf(m.Groups["month"].Value);
        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (day < 1) return null;
        foreach (var y in year is { } given ? new[] { given } : new[] { published.Year, published.Year - 1 })
        {
            if (day > DateTime.DaysInMonth(y, month)) continue;
            var date = new DateOnly(y, month, day);
            if (year is not null || date.DayNumber <= published.DayNumber + 1) return (date, date);
        }

        return null;
    }

    // "Sept", "June", "November": the pattern only lets month names through, and their first three letters are the
    // invariant culture's abbreviations.
    private static int MonthOf(string name) => Array.IndexOf(CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames, name[..3]) + 1;
}
