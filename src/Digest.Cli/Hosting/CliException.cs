namespace Digest.Cli.Hosting;

/// <summary>
/// An expected failure the operator can fix: printed as one line <c>error: what went wrong; what to do</c>, never
/// with a stack trace. <see cref="ExitCode"/> is <see cref="CliExit.Usage"/> for command-line mistakes and
/// <see cref="CliExit.Failure"/> for everything else (settings, files, services).
/// </summary>
internal sealed class CliException(string message, int exitCode = CliExit.Failure, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}
