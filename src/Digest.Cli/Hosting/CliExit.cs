namespace Digest.Cli.Hosting;

/// <summary>The exit codes of every command: 0 success, 1 runtime failure, 2 usage error.</summary>
internal static class CliExit
{
    public const int Success = 0;

    /// <summary>Runtime failure: a setting, a file, storage or the email provider.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong: unknown command or option, a bad option value.</summary>
    public const int Usage = 2;
}
