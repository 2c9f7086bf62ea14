using System.Text.RegularExpressions;
using Digest.Cli.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Digest.Cli.Tests.Hosting;

/// <summary>Issue 13: a log line never tears the progress display on a terminal.</summary>
public sealed class AnsiConsoleLoggerProviderTests
{
    [Fact]
    public async Task Log_DuringAProgressDisplay_WholeLineAboveTheBarsWhichAreRedrawn()
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(writer),
        });
        using var provider = new AnsiConsoleLoggerProvider(console);
        var logger = provider.CreateLogger("Digest.Dev");
        var before = 0;

        await console.Progress().AutoClear(false).StartAsync(async context =>
        {
            var task = context.AddTask("Parsing articles");
            task.Value = 50;
            context.Refresh();
            await Task.Yield();
            before = writer.ToString().Length;
            logger.LogWarning("Storage is slow [{Seconds} s]", 3);
            task.Value = 100;
            context.Refresh();
        });

        var output = writer.ToString();
        var warning = output.IndexOf("warn:", before, StringComparison.Ordinal);
        Assert.True(warning >= 0, output);
        // Cursor moves and line ends split the screen into what a reader sees: the warning alone on its line.
        var pieces = Regex.Split(output, @"\r?\n|\x1b\[[0-9;?]*[A-Za-z]");
        Assert.Equal("warn: Digest.Dev: Storage is slow [3 s]", Assert.Single(pieces, p => p.Contains("warn:", StringComparison.Ordinal)).TrimEnd());
        Assert.Contains("Parsing articles", output[warning..]);
        Assert.Contains("100%", output[warning..]);
    }

    [Fact]
    public void Log_Exception_FollowsTheLine()
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });
        using var provider = new AnsiConsoleLoggerProvider(console);

        provider.CreateLogger("Digest.Cli").LogError(new InvalidOperationException("boom"), "Send failed");

        var lines = writer.ToString().Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal("fail: Digest.Cli: Send failed", lines[0]);
        Assert.StartsWith("System.InvalidOperationException: boom", lines[1]);
    }
}
