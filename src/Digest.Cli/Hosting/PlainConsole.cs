using Spectre.Console;

namespace Digest.Cli.Hosting;

/// <summary>
/// No ANSI escape codes (colour, bold, cursor moves) when the output is not a terminal or NO_COLOR is set
/// (https://no-color.org): Spectre.Console decides from TERM alone, so a pipe would get them.
/// </summary>
internal static class PlainConsole
{
    public static bool IsPlain => Console.IsOutputRedirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public static void ApplyWhenNeeded()
    {
        if (IsPlain)
        {
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
        }
    }
}
