using Microsoft.Extensions.Options;

namespace Digest.Core.Stories;

/// <summary>Settings of the daily story composer, bound from "Digest:Stories".</summary>
public sealed class StoryComposerOptions
{
    public const string Section = "Digest:Stories";

    /// <summary>How many days back an earlier story can still be continued (marked developing). Default 7.</summary>
    [WholeNumber(0, 90)]
    public int LookbackDays { get; set; } = 7;

    /// <summary>Stems kept in each day's story signature. Default 40.</summary>
    public int SignatureTerms { get; set; } = 40;

    /// <summary>Names and numbers kept in each day's story signature. Default 25.</summary>
    public int SignatureEntities { get; set; } = 25;

    /// <summary>
    /// Most sentences (titles and lead sentences of stories with two or more sources, largest stories first) embedded
    /// per build to compare the sources of a story by meaning; stories past it are merged on the lexical rule, so the
    /// cost of a build is bounded however many articles a day has (about 25 sentences/s on the shared 2-core machine under load). 0 = lexical only. Default 600.
    /// </summary>
    public int SentenceEmbeddingBudget { get; set; } = 600;

    /// <summary>Attempts to write the index when another writer changed it meanwhile (ETag mismatch). Default 5.</summary>
    [WholeNumber(1, 100)]
    public int WriteAttempts { get; set; } = 5;
}

/// <summary>Validates <see cref="StoryComposerOptions"/> by its attributes (source-generated).</summary>
[OptionsValidator]
public sealed partial class StoryComposerOptionsValidator : IValidateOptions<StoryComposerOptions>;
