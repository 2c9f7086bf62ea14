using Digest.Core.Articles.Building;
using Digest.Core.Articles.Heuristics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Digest.Core.Articles.Formats;

/// <summary>
/// YAML front matter between a leading "---" line and the next "---" (or "...") line. Read through YamlDotNet's
/// representation model (no object binding, so no type tricks); anchors and aliases stay references, not copies.
/// </summary>
internal static class FrontMatter
{
    /// <summary>Front matter larger than this is ignored: real front matter is a few hundred bytes.</summary>
    public const int MaxFrontMatterChars = 64 * 1024;

    /// <summary>
    /// Deeper nesting (flow "[[[[..." or block "- - - ...") is refused before the representation model is built: it
    /// builds nodes recursively, and a stack overflow cannot be caught. Counted on YamlDotNet's event stream, which
    /// its parser produces without recursion, so no spelling of the nesting escapes the count.
    /// </summary>
    public const int MaxDepth = 32;

    /// <summary>More YAML events (scalars, collections, aliases) than real front matter ever has.</summary>
    public const int MaxEvents = 10_000;

    /// <summary>Splits off the front matter. Returns false (and the whole text as body) when there is none.</summary>
    public static bool TrySplit(string text, out string yaml, out string body, out bool unclosed)
    {
        yaml = string.Empty;
        body = text;
        unclosed = false;
        var lines = text.Split('\n');
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (first < 0 || lines[first].TrimEnd() != "---")
        {
            return false;
        }

        for (var i = first + 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() is "---" or "...")
            {
                yaml = string.Join('\n', lines[(first + 1)..i]);
                body = string.Join('\n', lines[(i + 1)..]);
                return true;
            }
        }

        unclosed = true;
        body = string.Join('\n', lines[(first + 1)..]);
        return true;
    }

    /// <summary>Applies the known keys to the draft. False (with a warning) when the YAML is malformed or too deep.</summary>
    public static bool TryApply(string yaml, ArticleDraft draft, DiagnosticBag diagnostics, ParseBudget budget, out string? problem)
    {
        problem = yaml.Length > MaxFrontMatterChars
            ? $"the front matter is larger than {MaxFrontMatterChars / 1024} KiB"
            : CheckShape(yaml, budget);
        var stream = new YamlStream();
        try
        {
            if (problem is null)
            {
                stream.Load(new StringReader(yaml));
            }
        }
        catch (YamlException e)
        {
            problem = $"the front matter is not valid YAML (line {e.Start.Line}, column {e.Start.Column}: {e.Message})";
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet reports some malformed flow collections this way instead of with a YamlException.
            problem = $"the front matter is not valid YAML ({e.Message})";
        }

        if (problem is not null)
        {
            diagnostics.Warning("invalid-front-matter", char.ToUpperInvariant(problem[0]) + problem[1..] + "; it was ignored.");
            return false;
        }

        if (stream.Documents.Count == 0)
        {
            return true;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            problem = "the front matter is not a YAML mapping of keys to values";
            diagnostics.Warning("invalid-front-matter", "The front matter is not a YAML mapping of keys to values; it was ignored.");
            return false;
        }

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is YamlScalarNode { Value: { } key } && MetadataKeys.TryGet(key, out var field) && TextOf(valueNode) is { Length: > 0 } value)
            {
                PlainTextParser.Apply(draft, field, value, diagnostics);
            }
        }

        return true;
    }

    // Walks the event stream (no recursion, no nodes built) and returns why the YAML is refused, or null.
    private static string? CheckShape(string yaml, ParseBudget budget)
    {
        var parser = new Parser(new StringReader(yaml));
        int depth = 0, events = 0;
        try
        {
            while (parser.MoveNext())
            {
                budget.Step();
                if (++events > MaxEvents)
                {
                    return $"the front matter has more than {MaxEvents:N0} YAML nodes";
                }

                switch (parser.Current)
                {
                    case SequenceStart or MappingStart when ++depth > MaxDepth:
                        return $"the front matter is nested more than {MaxDepth} levels deep";
                    case SequenceEnd or MappingEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            return $"the front matter is not valid YAML (line {e.Start.Line}, column {e.Start.Column}: {e.Message})";
        }
        catch (InvalidOperationException e)
        {
            // As in TryApply: YamlDotNet reports some malformed flow collections this way.
            return $"the front matter is not valid YAML ({e.Message})";
        }

        return null;
    }

    // A scalar; a list of scalars or of {name: ...} mappings (authors) joined with ", "; or a mapping's "name".
    private static string? TextOf(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value,
        YamlSequenceNode sequence => string.Join(", ", sequence.Children.Select(NameOf).OfType<string>().Where(s => s.Length > 0)),
        YamlMappingNode => NameOf(node),
        _ => null,
    };

    private static string? NameOf(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value,
        YamlMappingNode mapping => mapping.Children.TryGetValue(new YamlScalarNode("name"), out var name) && name is YamlScalarNode s ? s.Value : null,
        _ => null,
    };
}
