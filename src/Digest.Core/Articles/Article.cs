namespace Digest.Core.Articles;

/// <summary>A normalised news article: what every input format is parsed into.</summary>
/// <param name="Id">Stable id derived from the content hash (so re-uploading the same text yields the same id).</param>
/// <param name="Title">Headline.</param>
/// <param name="Outlet">Publishing outlet when the input names one; never invented.</param>
/// <param name="Byline">Author(s) when known.</param>
/// <param name="Url">Canonical link when known (http/https only).</param>
/// <param name="Published">Publication time when known.</param>
/// <param name="Sections">Body, in order: a section per heading (the first may have no heading).</param>
/// <param name="ImageCaptions">Image captions with their credits.</param>
/// <param name="Language">BCP 47 language tag ("en" when not stated).</param>
/// <param name="ContentHash">SHA-256 (hex) of the normalised title and body.</param>
/// <param name="SourceName">Name of the uploaded file or blob it came from.</param>
/// <param name="Format">Input format it was parsed from.</param>
public sealed record Article(
    string Id,
    string Title,
    string? Outlet,
    string? Byline,
    Uri? Url,
    DateTimeOffset? Published,
    IReadOnlyList<ArticleSection> Sections,
    IReadOnlyList<string> ImageCaptions,
    string Language,
    string ContentHash,
    string SourceName,
    ArticleFormat Format)
{
    /// <summary>Sentence embedding of the headline and lead, when an embedder was available at parse time.</summary>
    public ArticleEmbedding? Embedding { get; init; }

    /// <summary>
    /// The recent days its headline and lead name ("the Nov. 2 shooting", "last April"), resolved against
    /// <see cref="Published"/> at parse time (<see cref="Stories.Text.DateMentions"/>); null when parsed before they were
    /// kept (grouping then reads them itself).
    /// </summary>
    public IReadOnlyList<DayRange>? NamedDays { get; init; }

    /// <summary>
    /// A place dateline the parser took off the body ("WASHINGTON —", "DANVILLE, Ky. –-"). It never reaches a summary,
    /// but it says where the event happened, so grouping reads it where it stood (<see cref="ParagraphsForGrouping"/>).
    /// </summary>
    public string? Dateline { get; init; }

    /// <summary>The body paragraphs with the place dateline back in front of the first: what grouping and the embedding read.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<string> ParagraphsForGrouping =>
        Dateline is null ? Paragraphs : Paragraphs.Select((p, i) => i == 0 ? Dateline + " " + p : p);

    /// <summary>All body paragraphs in reading order.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<string> Paragraphs => Sections.SelectMany(s => s.Paragraphs);

    /// <summary>The body as plain text, paragraphs separated by blank lines.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string BodyText => string.Join("\n\n", Paragraphs);
}
