using Digest.Core.Articles.Text;

namespace Digest.Core.Articles.Building;

/// <summary>What a format parser found, before validation and hashing. Text is cleaned as it is added.</summary>
internal sealed class ArticleDraft
{
    private readonly List<(string? Heading, List<string> Paragraphs)> _sections = [];
    private readonly List<string> _captions = [];

    public string? Title { get; set; }

    public string? Outlet { get; set; }

    public string? Byline { get; set; }

    public string? Url { get; set; }

    public DateTimeOffset? Published { get; set; }

    public string? Language { get; set; }

    /// <summary>A place dateline stripped from the body ("WASHINGTON —"): kept for grouping, never shown.</summary>
    public string? Dateline { get; set; }

    public IReadOnlyList<string> Captions => _captions;

    public int ParagraphCount => _sections.Sum(s => s.Paragraphs.Count);

    public IEnumerable<(string? Heading, IReadOnlyList<string> Paragraphs)> Sections =>
        _sections.Select(s => (s.Heading, (IReadOnlyList<string>)s.Paragraphs));

    /// <summary>Starts a new section; a heading with nothing under it is dropped when the article is built.</summary>
    public void AddHeading(string? heading)
    {
        var cleaned = TextNormalizer.CleanOrNull(heading);
        if (cleaned is not null)
        {
            _sections.Add((cleaned, []));
        }
    }

    public void AddParagraph(string? paragraph)
    {
        var cleaned = TextNormalizer.CleanOrNull(paragraph);
        if (cleaned is null)
        {
            return;
        }

        if (_sections.Count == 0)
        {
            _sections.Add((null, []));
        }

        _sections[^1].Paragraphs.Add(cleaned);
    }

    /// <summary>Removes and returns the first paragraph when it is short enough to be a headline.</summary>
    public string? TakeFirstParagraph(int maxLength)
    {
        var section = _sections.FirstOrDefault(s => s.Paragraphs.Count > 0);
        if (section.Paragraphs is null || section.Paragraphs[0].Length > maxLength)
        {
            return null;
        }

        var first = section.Paragraphs[0];
        section.Paragraphs.RemoveAt(0);
        return first;
    }

    public void AddCaption(string? caption)
    {
        var cleaned = TextNormalizer.CleanOrNull(caption);
        if (cleaned is not null && !_captions.Contains(cleaned, StringComparer.Ordinal))
        {
            _captions.Add(cleaned);
        }
    }
}
