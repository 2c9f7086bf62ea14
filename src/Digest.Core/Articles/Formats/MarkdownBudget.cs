using Digest.Core.Articles.Building;
using Markdig;
using Markdig.Parsers;

namespace Digest.Core.Articles.Formats;

/// <summary>
/// Puts the <see cref="ParseBudget"/> inside Markdig's own parse: a block parser tried first at every block opening
/// (global, and for every container marker) checks the depth of the open blocks and spends that depth in steps, and an
/// inline parser tried first at every inline marker spends a step; the square of a paragraph's delimiters is charged
/// before Markdig runs (<see cref="ChargeInlineMarkers"/>). Neither ever opens or matches anything. Markdig's continuation
/// cost per line grows with the open depth, so capping the depth where blocks open bounds the whole parse; the budget
/// travels in the per-parse <see cref="MarkdownParserContext"/>, so the pipeline stays immutable and shared.
/// </summary>
internal static class MarkdownBudget
{
    /// <summary>Nested lists and quotes (each list counts twice: the list and its item). Real articles use a handful.</summary>
    public const int MaxOpenBlocks = 64;

    private const string Key = "digest-parse-budget";

    /// <summary>
    /// A paragraph's inline markers with d delimiters cost d * d / <see cref="MarkerPairsPerStep"/>: Markdig matches
    /// emphasis and link brackets by scanning back over the pending delimiters, so a paragraph's inline work grows
    /// with the square of its markers (measured: about as long per 4 pairs as a step elsewhere).
    /// </summary>
    public const long MarkerPairsPerStep = 4;

    /// <summary>
    /// Charges the inline work before Markdig runs (<see cref="MarkerPairsPerStep"/>): per run of lines between blank
    /// lines (no leaf block spans a blank line, so this over-counts, never under-counts), the square of its emphasis
    /// delimiter runs and brackets (code spans and inline HTML are matched forward, in linear time, and are not
    /// charged). A paragraph of tens of thousands of '*' or '[' is rejected as too complex before Markdig spends
    /// seconds on it; a real paragraph's handful of markers costs a few dozen steps.
    /// </summary>
    public static void ChargeInlineMarkers(string text, ParseBudget budget)
    {
        long markers = 0;
        var lineHasText = false;
        var previous = '\0';
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n':
                    if (!lineHasText)
                    {
                        Charge(ref markers, budget);
                    }

                    lineHasText = false;
                    break;
                case '*' or '_' or '~':
                    // A run of one character is one delimiter ("****" opens or closes once).
                    markers += c == previous ? 0 : 1;
                    lineHasText = true;
                    break;
                case '[' or ']':
                    markers++;
                    lineHasText = true;
                    break;
                case ' ' or '\t':
                    break;
                default:
                    lineHasText = true;
                    break;
            }

            previous = c;
        }

        Charge(ref markers, budget);

        static void Charge(ref long markers, ParseBudget budget)
        {
            if (markers > 0)
            {
                budget.Step(markers * markers / MarkerPairsPerStep);
                markers = 0;
            }
        }
    }

    public static MarkdownPipelineBuilder UseParseBudget(this MarkdownPipelineBuilder builder)
    {
        builder.BlockParsers.Insert(0, new DepthCheck(null));
        builder.BlockParsers.Insert(0, new DepthCheck(['>', '-', '+', '*', '#', '<', '`', '~', '=', '|', ' ', '\t', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']));
        builder.InlineParsers.Insert(0, new StepCheck());
        return builder;
    }

    public static MarkdownParserContext Context(ParseBudget budget)
    {
        var context = new MarkdownParserContext();
        context.Properties[Key] = budget;
        return context;
    }

    private static ParseBudget? Of(MarkdownParserContext? context) =>
        context is not null && context.Properties.TryGetValue(Key, out var value) ? value as ParseBudget : null;

    // Counts at most one past the limit, so the check itself costs no more than the limit.
    private static int DepthOf(Markdig.Syntax.Block? block)
    {
        var depth = 0;
        for (; block is not null && depth <= MaxOpenBlocks; block = block.Parent)
        {
            depth++;
        }

        return depth;
    }

    private sealed class DepthCheck : BlockParser
    {
        public DepthCheck(char[]? openingCharacters) => OpeningCharacters = openingCharacters;

        // Tried under a paragraph too (a nested list item's line follows its parent's paragraph), or the check would
        // be skipped exactly where indented lists nest.
        public override bool CanInterrupt(BlockProcessor processor, Markdig.Syntax.Block block) => true;

        public override BlockState TryOpen(BlockProcessor processor)
        {
            if (Of(processor.Context) is { } budget)
            {
                // Markdig continues every open block on each line: a line costs the depth it is read at.
                var depth = DepthOf(processor.CurrentContainer);
                budget.Step(depth);
                ParseBudget.CheckDepth(depth, MaxOpenBlocks, "Markdown (lists and quotes)");
            }

            return BlockState.None;
        }
    }

    private sealed class StepCheck : InlineParser
    {
        public StepCheck() => OpeningCharacters = ['*', '_', '[', ']', '!', '<', '`', '\\', '&', '~', '\n'];

        public override bool Match(InlineProcessor processor, ref Markdig.Helpers.StringSlice slice)
        {
            Of(processor.Context)?.Step();
            return false;
        }
    }
}
