using Digest.Core.Articles;

namespace Digest.Core.Stories.Merging;

/// <summary>
/// Merges the articles of one story into a headline (<see cref="HeadlinePicker"/>), a short corroborated summary
/// (<see cref="SummaryWriter"/>) and at most one addition per source (<see cref="AdditionPicker"/>). Sentences are
/// compared by meaning (<see cref="Meaning"/>: sentence embeddings from <see cref="SentenceVectors"/> when the
/// story has them, stem cosines otherwise). Pure and deterministic.
/// </summary>
internal static class StoryMerger
{
    public static MergedContent Merge(IReadOnlyList<Article> articles, SentenceVectors? vectors = null)
    {
        vectors ??= SentenceVectors.None;
        var sources = articles
            .Select((a, i) => (IReadOnlyList<Sentence>)SentenceCandidates.Of(a).Select((t, p) => new Sentence(i, p, TextBag.Of(t), vectors.Get(t))).ToList())
            .ToList();
        var titles = articles.Select((a, i) => new Sentence(i, -1, TextBag.Of(a.Title.Trim()), vectors.Get(a.Title.Trim()))).ToList();
        var texts = articles.Select(a => a.Title + "\n" + a.BodyText).ToArray();
        var story = string.Join("\n\n", texts);
        var meaning = new Meaning(sources.SelectMany(s => s).Concat(titles).ToList());

        var summary = SummaryWriter.Write(sources, titles, meaning, texts, story);
        var headline = HeadlinePicker.Pick(titles, meaning, summary.Count > 0 ? summary[0] : null);
        var additions = AdditionPicker.Pick(articles, sources, summary, meaning, texts, story);
        return new MergedContent(headline, summary.Select(s => Quotes.Normalize(s.Text)).ToArray(), additions);
    }
}
