using Digest.Core.Articles.Building;
using Markdig;
using Markdig.Parsers;

namespace Digest.Core.Articles.Formats;

/// <summary>
/// Puts the <see cref="ParseBudget"/> inside Markdig's own parse: a block parser tried first at every block opening
/// (global, and for every container marker) checks the depth of the open blocks and the time, and an inline parser
/// tried first at every inline marker checks the time. Neither ever opens or matches anything. Markdig's continuation
/// cost per line grows with the open depth, so capping the depth where blocks open bounds the whole parse; the budget
/// travels in the per-parse <see cref="MarkdownParserContext"/>, so the pipeline stays immutable and shared.
/// </summary>
internal static class MarkdownBudget
{
    /// <summary>Nested lists and quotes (each list counts twice: the list and its item). Real articles use a handful.</summary>
    public const int MaxOpenBlocks = 64;

    private const string Key = "digest-parse-budget";

    public static MarkdownPipelineBuilder UseParseBudget(this MarkdownPipelineBuilder builder)
    {
        builder.BlockParsers.Insert(0, new DepthCheck(null));
        builder.BlockParsers.Insert(0, new DepthCheck(['>', '-', '+', '*', '#', '<', '`', '~', '=', '|', ' ', '\t', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']));
        builder.InlineParsers.Insert(0, new TimeCheck());
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
                budget.Step();
                ParseBudget.CheckDepth(DepthOf(processor.CurrentContainer), MaxOpenBlocks, "Markdown (lists and quotes)");
            }

            return BlockState.None;
        }
    }

    private sealed class TimeCheck : InlineParser
    {
        public TimeCheck() => OpeningCharacters = ['*', '_', '[', ']', '!', '<', '`', '\\', '&', '~', '\n'];

        public override bool Match(InlineProcessor processor, ref Markdig.Helpers.StringSlice slice)
        {
            Of(processor.Context)?.Step();
            return false;
        }
    }
}
