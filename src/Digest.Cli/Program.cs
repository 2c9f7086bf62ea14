using System.CommandLine;
using Digest.Cli.Commands;

// `digest`: the command-line host. Each command binds its options, calls one core job and prints a summary.
var root = new RootCommand("Digest: turns uploaded news articles into one merged daily digest and emails it to subscribers.")
{
    RunCommand.Create(),
    UploadCommand.Create(),
    DevCommand.Create(),
    EvalCommand.Create(),
    BenchCommand.Create(),
    SubscribersCommand.Create(),
    StatusCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
