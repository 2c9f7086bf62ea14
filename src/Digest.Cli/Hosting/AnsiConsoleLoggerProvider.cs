using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Digest.Cli.Hosting;

/// <summary>
/// Log lines written through Spectre.Console on a terminal, so a <c>warn:</c> line during a progress display is
/// drawn above the bars and the bars are redrawn below it (Spectre's live display owns the cursor; a line written
/// past it to stderr would tear the bars). Same shape as the console logger's single line: <c>warn: Category: message</c>.
/// </summary>
internal sealed class AnsiConsoleLoggerProvider(IAnsiConsole console) : ILoggerProvider
{
    /// <summary>True when both stdout and stderr are a terminal: only then do the two streams share the screen.</summary>
    public static bool OnTerminal => !Console.IsOutputRedirected && !Console.IsErrorRedirected;

    public ILogger CreateLogger(string categoryName) => new Logger(console, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(IAnsiConsole console, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            // Plain text, never markup: a message may hold brackets.
            console.WriteLine($"{Prefix(logLevel)}: {category}: {formatter(state, exception)}");
            if (exception is not null)
            {
                console.WriteLine(exception.ToString());
            }
        }

        private static string Prefix(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
    }
}
