using System.CommandLine;
using Digest.Cli.Hosting;
using Digest.Lab.Commands;

// `digest-lab`: the research tools (evaluation and benchmarks), hosted like `digest` (CliApp: one `error:` line,
// exit code 2 for usage mistakes and 1 for failures) but reading no Digest, Email or storage settings.
var root = new RootCommand("Digest Lab: measures story clustering and merging on labelled news, and benchmarks clustering and embedding.")
{
    EvalCommand.Create(),
    BenchCommand.Create(),
};
return await CliApp.InvokeAsync(root, args, checkSettings: false);
