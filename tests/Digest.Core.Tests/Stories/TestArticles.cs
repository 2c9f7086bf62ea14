using Digest.Core.Articles;

namespace Digest.Core.Tests.Stories;

/// <summary>Builds articles for story tests, and finds the repository's seed articles.</summary>
internal static class TestArticles
{
    public static Article Create(string id, string title, string? outlet, DateOnly? day, params string[] paragraphs) => new(
        id,
        title,
        outlet,
        null,
        new Uri($"https://example.com/{id}"),
        day is { } d ? new DateTimeOffset(d.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero) : null,
        [new ArticleSection(null, paragraphs)],
        [],
        "en",
        id,
        id + ".txt",
        ArticleFormat.PlainText);

    /// <summary>A seed file: first non-empty line is the title, every further non-empty line a paragraph.</summary>
    public static Article FromSeed(string path, string outlet, DateOnly day)
    {
        var lines = File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        return Create(Path.GetFileNameWithoutExtension(path), lines[0], outlet, day, lines[1..]);
    }

    public static string RepositoryRoot() => Digest.Testing.Repository.Root;
}
