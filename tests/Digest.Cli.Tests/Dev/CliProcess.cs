using System.Diagnostics;
using Digest.Testing;

namespace Digest.Cli.Tests.Dev;

/// <summary>Runs the built `digest` command as a separate process (as a user would), with a time limit.</summary>
internal static class CliProcess
{
    private const string Digest = "digest.dll";

    /// <summary>`dotnet digest.dll ARGS` in <paramref name="workingDirectory"/> with <paramref name="environment"/> added, output redirected.</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        ProgramProcess.StartInfo(Digest, workingDirectory, environment, args);

    /// <summary>Starts the command and hands every line of its stdout and stderr to <paramref name="onLine"/> (from reader threads).</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, Action<string> onLine, params string[] args) =>
        ProgramProcess.Start(Digest, workingDirectory, environment, onLine, args);

    public static Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        ProgramProcess.RunAsync(Digest, workingDirectory, environment, args);
}
