namespace Digest.Core.Digests;

/// <summary>A past digest as the archive index lists it.</summary>
/// <param name="Day">The digest day.</param>
/// <param name="TopHeadline">Its first story's headline (empty when it had none).</param>
/// <param name="Stories">How many stories it listed.</param>
public sealed record ArchiveEntry(DateOnly Day, string TopHeadline, int Stories);

/// <summary>What archive.sbn-html sees, as <c>archive</c>: the title and one row per past digest, newest first.</summary>
internal sealed record ArchiveView(string Title, string Lang, IReadOnlyList<ArchiveRowView> Days)
{
    public static ArchiveView From(IEnumerable<ArchiveEntry> entries, DigestOptions options) => new(
        options.Title,
        "en",
        entries.OrderByDescending(e => e.Day).Select(e => new ArchiveRowView(
            DigestView.LongDate(e.Day),
            DigestLinks.DayPage(options, e.Day),
            e.TopHeadline,
            DigestView.Count(e.Stories, "story", "stories"))).ToArray());
}

/// <summary>One past digest: its date, page URL, top headline and story count.</summary>
internal sealed record ArchiveRowView(string DateLong, string Url, string TopHeadline, string StoryCountText);
