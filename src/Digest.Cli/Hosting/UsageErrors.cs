using System.CommandLine;
using System.CommandLine.Parsing;

namespace Digest.Cli.Hosting;

/// <summary>
/// The one usage-error line for a parse: an unknown command or option (with the closest valid name), a missing or
/// malformed argument. An argument that looks like an option (<c>run --frobnicate</c>) is an unknown option, not an
/// input path; after <c>--</c> it is taken literally.
/// </summary>
internal static class UsageErrors
{
    /// <summary>Commands that left `digest` for the research tools (issue 22): the error says where they are now.</summary>
    private static readonly HashSet<string> InLab = ["eval", "bench"];

    public static string? Find(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        // The program's own name: `digest`, or `digest-lab` for the research tools, which share this host.
        var where = parse.RootCommandResult.Command.Name + string.Concat(Path(parse.CommandResult).Select(c => " " + c));
        var unknown = parse.UnmatchedTokens.FirstOrDefault() ?? OptionLikeArgument(parse);
        if (unknown is not null)
        {
            var kind = unknown.StartsWith('-') ? "option" : (command.Subcommands.Count > 0 ? "command" : "argument");
            var suggestion = Closest(unknown, Names(parse.CommandResult, kind == "option"));
            var hint = kind == "command" && command is RootCommand && InLab.Contains(unknown)
                ? $"evaluation and benchmarks are in tools/Digest.Lab: dotnet run --project tools/Digest.Lab -c Release -- {unknown} ...; "
                : suggestion is null ? "" : $"did you mean '{suggestion}'? ";
            return $"unknown {kind} '{unknown}' for '{where}'; {hint}see '{where} --help'";
        }

        if (parse.Errors.Count == 0)
        {
            return null;
        }

        if (command is RootCommand || (command.Action is null && command.Subcommands.Count > 0))
        {
            return $"'{where}' needs a command ({string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}); see '{where} --help'";
        }

        return $"{parse.Errors[0].Message.TrimEnd('.')}; see '{where} --help'";
    }

    private static IEnumerable<string> Path(CommandResult result)
    {
        var names = new Stack<string>();
        for (var r = result; r is not null && r.Command is not RootCommand; r = r.Parent as CommandResult)
        {
            names.Push(r.Command.Name);
        }

        return names;
    }

    private static string? OptionLikeArgument(ParseResult parse)
    {
        var afterDoubleDash = parse.Tokens.SkipWhile(t => t.Type != TokenType.DoubleDash).ToHashSet();
        return parse.CommandResult.Children.OfType<ArgumentResult>()
            .SelectMany(a => a.Tokens)
            .Where(t => !afterDoubleDash.Contains(t) && t.Value.Length > 1 && t.Value[0] == '-' && !char.IsDigit(t.Value[1]))
            .Select(t => t.Value)
            .FirstOrDefault();
    }

    private static IEnumerable<string> Names(CommandResult result, bool options)
    {
        if (!options)
        {
            return result.Command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
        }

        var names = new List<string>(result.Command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)));
        for (var parent = result.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
        {
            names.AddRange(parent.Command.Options.Where(o => o.Recursive).SelectMany(o => o.Aliases.Prepend(o.Name)));
        }

        return names;
    }

    /// <summary>The name within a third of its length in edits (at least 2), or one that begins or is the start of what was typed, nearest first.</summary>
    private static string? Closest(string typed, IEnumerable<string> names) => names
        .Select(n => (Name: n, Distance: Distance(typed.ToLowerInvariant(), n.ToLowerInvariant())))
        .Where(x => x.Distance <= Math.Max(2, x.Name.Length / 3)
            || (x.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase) && typed.Length > 2)
            || (typed.StartsWith(x.Name, StringComparison.OrdinalIgnoreCase) && x.Name.TrimStart('-').Length > 2)) // --output for --out
        .OrderBy(x => x.Distance)
        .Select(x => x.Name)
        .FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
