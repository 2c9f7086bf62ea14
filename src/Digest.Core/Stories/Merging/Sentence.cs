namespace Digest.Core.Stories.Merging;

/// <summary>One sentence of one source of a story, with its lexical bag and (when embedded) its vector.</summary>
/// <param name="Source">Index of the article in the story.</param>
/// <param name="Position">0-based position in the article (-1 for the title).</param>
internal sealed record Sentence(int Source, int Position, TextBag Bag, float[]? Vector)
{
    public string Text => Bag.Text;

    public int Words => Bag.Words.Count == 0 ? 0 : Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
