using System.Security.Cryptography;
using System.Text;
using Digest.Core.Articles;
using Digest.Core.Storage;
using Digest.Core.Stories.Clustering;
using Digest.Core.Stories.Embeddings;
using Digest.Core.Stories.Merging;
using Digest.Core.Stories.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Core.Stories;

/// <summary>
/// Turns a day's articles into stories: clusters them (<see cref="StoryClusterer"/>, the same code `digest-lab eval`
/// measures), continues stories from the last <see cref="StoryComposerOptions.LookbackDays"/> days (same id,
/// Developing, FirstSeen of the earlier day) through the index in state/stories/index.json, and merges each group
/// (<see cref="StoryMerger"/>). Re-running a day gives the same stories. The result is unranked. With an
/// <see cref="ITextEmbedder"/> registered, clustering adds the semantic view (stored vectors first).
/// </summary>
public sealed partial class StoryComposer(IBlobStore store, IOptions<StoryComposerOptions> options, ILogger<StoryComposer> logger, ITextEmbedder? embedder = null)
{
    private readonly StoryClusterer clusterer = new();
    private readonly StoryIndexStore index = new(store);
    private readonly StoryComposerOptions settings = options.Value;

    public async Task<IReadOnlyList<Story>> ComposeAsync(IReadOnlyList<Article> articles, DateOnly day, CancellationToken cancellationToken = default)
    {
        // Vectors are normally stored at parse time; only articles without one (parsed before an embedder was
        // configured, or by another model) are embedded here. Without an embedder the lexical views decide alone.
        articles = await ArticleEmbeddings.EnsureAsync(articles, embedder, cancellationToken).ConfigureAwait(false);
        var space = clusterer.Featurize(articles);
        var groups = clusterer.Cluster(space);
        var signatures = groups.Select(g => StorySignature.Of(space, articles, g, settings.SignatureTerms, settings.SignatureEntities)).ToList();
        var members = groups.Select(g => (IReadOnlyList<Article>)g.Select(i => articles[i]).ToList()).ToList();
        var sentenceVectors = await SentenceVectors.ComputeAsync(members, embedder, settings.SentenceEmbeddingBudget, cancellationToken).ConfigureAwait(false);
        var merged = members.Select(m => StoryMerger.Merge(m, sentenceVectors)).ToList();

        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (current, etag) = await index.LoadAsync(cancellationToken);
            var continued = StoryIndex.Match(current, day, signatures, articles.Count, space.HasVectors, settings.LookbackDays, clusterer.Options);
            var stories = new List<Story>(groups.Count);
            var records = new List<(string, string, StoryDayRecord)>(groups.Count);
            for (var g = 0; g < groups.Count; g++)
            {
                var group = members[g];
                var earlier = continued[g];
                var id = earlier?.Id ?? NewId(day, group);
                var firstSeen = earlier?.Days.Where(d => d.Day < day).Min(d => d.Day) ?? day;
                stories.Add(Build(id, group, merged[g], firstSeen, earlier is not null));
                var signature = signatures[g];
                records.Add((id, merged[g].Headline, new StoryDayRecord(day, group.Select(a => a.Id).ToList(), signature.Terms, signature.Entities, signature.Meaning)));
            }

            var updated = StoryIndex.Update(current, day, records, settings.LookbackDays);
            if (await index.TrySaveAsync(updated, etag, cancellationToken))
            {
                LogComposed(logger, day, articles.Count, stories.Count, stories.Count(s => s.Developing));
                return stories;
            }

            if (attempt >= settings.WriteAttempts)
            {
                throw new InvalidOperationException($"The stories index kept changing while composing {day:yyyy-MM-dd}; gave up after {attempt} attempts.");
            }

            LogIndexConflict(logger, day, attempt);
        }
    }

    private static Story Build(string id, IReadOnlyList<Article> members, MergedContent content, DateOnly firstSeen, bool developing)
    {
        var sources = members
            .Select((a, i) => new StorySource(a.Id, OutletName.Of(a.Outlet, a.Url), a.Title, a.Url, a.Published, content.Additions[i] is { } addition ? [addition] : []))
            .ToList();
        var latest = members.Max(a => a.Published);
        return new Story(id, content.Headline, content.Summary, sources, firstSeen, developing, latest);
    }

    /// <summary>Stable id of a new story: the day and its articles (so a re-run names it the same).</summary>
    private static string NewId(DateOnly day, IReadOnlyList<Article> members)
    {
        var key = Containers.Day(day) + "\n" + string.Join("\n", members.Select(a => a.Id).Order(StringComparer.Ordinal));
        return "story-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Composed {Day}: {Articles} articles into {Stories} stories ({Developing} developing)")]
    private static partial void LogComposed(ILogger logger, DateOnly day, int articles, int stories, int developing);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stories index changed while composing {Day} (attempt {Attempt}); retrying")]
    private static partial void LogIndexConflict(ILogger logger, DateOnly day, int attempt);
}
