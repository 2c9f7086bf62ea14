using Spectre.Console;

namespace Digest.Cli.Hosting;

/// <summary>
/// No ANSI escape codes (colour, bold, cursor moves) when the output is not a terminal or NO_COLOR is set
/// (https://no-color.org): Spectre.Console decides from TERM alone, so a pipe would get them.
/// </summary>
internal static class PlainConsole
{
    /// <summary>The width a redirected output is rendered at.</summary>
    public const int PipeWidth = 4096;

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

            // A pipe has no width: Spectre.Console assumes 80 columns and wraps every longer line, which breaks
            // grep and scripts. Lines up to this length stay whole (tables are sized to their content).
            AnsiConsole.Console.Profile.Width = PipeWidth;
        }
    }
}
