using Digest.Core.Articles;

namespace Digest.Lab.Evaluation;

/// <summary>A labelled evaluation set: articles with the gold story each reports, or why it could not be read.</summary>
/// <param name="Path">File read.</param>
/// <param name="Articles">One article per valid line, in file order.</param>
/// <param name="Clusters">Gold story id of each article.</param>
/// <param name="Errors">"line N: problem" for every line that could not be used (empty when the file is good).</param>
public sealed record EvalFile(string Path, IReadOnlyList<Article> Articles, IReadOnlyList<string> Clusters, IReadOnlyList<string> Errors)
{
    /// <summary>The line at which reading stopped after <see cref="EvalFileReader.MaxBadLines"/> bad lines (null: read to the end).</summary>
    public int? StoppedAtLine { get; init; }
}
