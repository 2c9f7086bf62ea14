using System.CommandLine;
using Digest.Cli.Commands;
using Digest.Cli.Hosting;

// `digest`: the command-line host. Each command binds its options, calls one core job and prints a summary;
// CliApp turns usage mistakes and failures into one `error:` line with exit code 2 or 1.
var root = new RootCommand("Digest: turns uploaded news articles into one merged daily digest and emails it to subscribers.")
{
    RunCommand.Create(),
    UploadCommand.Create(),
    DevCommand.Create(),
    SubscribersCommand.Create(),
    BuildCommand.Create(),
    SendCommand.Create(),
    PreviewCommand.Create(),
    StatusCommand.Create(),
};
return await CliApp.InvokeAsync(root, args);
