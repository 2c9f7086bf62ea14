using Digest.Core.Articles;
using Digest.Core.Stories.Merging;

namespace Digest.Lab.Evaluation;

/// <summary>One file's editorial faults (<see cref="EditorialChecks"/>), over summary sentences and additions.</summary>
internal sealed class EditorialCounts
{
    public int CutOrFlipped { get; private set; }

    public int Speakerless { get; private set; }

    public int Unintroduced { get; private set; }

    public int Datelines { get; private set; }

    public int NearDuplicates { get; private set; }

    public int HeadlineLeadDisagreements { get; private set; }

    public int BadAdditions { get; private set; }

    public void Add(IReadOnlyList<Article> story, MergedContent merged)
    {
        var paragraphs = story.SelectMany(a => a.Paragraphs).ToArray();
        var sources = string.Join("\n", story.Select(a => a.Title + "\n" + a.BodyText));
        for (var k = 0; k < merged.Summary.Count; k++)
        {
            var earlier = merged.Headline + " " + string.Join(" ", merged.Summary.Take(k));
            Check(merged.Summary[k], earlier, paragraphs, sources);
            for (var j = 0; j < k; j++)
            {
                if (EditorialChecks.Jaccard(merged.Summary[j], merged.Summary[k]) >= 0.5) NearDuplicates++;
            }
        }

        var additions = merged.Additions.OfType<string>().ToArray();
        for (var i = 0; i < additions.Length; i++)
        {
            var faults = Check(additions[i], string.Empty, paragraphs, sources);
            var dup = merged.Summary.Concat(additions.Take(i)).Count(x => EditorialChecks.Jaccard(x, additions[i]) >= 0.5);
            NearDuplicates += dup;
            if (faults + dup > 0) BadAdditions++;
        }

        if (merged.Summary.Count > 0 && EditorialChecks.Disagree(merged.Headline, merged.Summary[0])) HeadlineLeadDisagreements++;
    }

    private int Check(string sentence, string earlier, IReadOnlyList<string> paragraphs, string sources)
    {
        var cut = EditorialChecks.CutFromQuotation(sentence, paragraphs) || EditorialChecks.Flipped(sentence) ? 1 : 0;
        var speakerless = EditorialChecks.Speakerless(sentence) ? 1 : 0;
        var unintroduced = EditorialChecks.Unintroduced(sentence, earlier, sources);
        var dateline = EditorialChecks.HasDateline(sentence) ? 1 : 0;
        CutOrFlipped += cut;
        Speakerless += speakerless;
        Unintroduced += unintroduced;
        Datelines += dateline;
        return cut + speakerless + unintroduced + dateline;
    }
}
