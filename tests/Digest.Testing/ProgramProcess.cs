using System.Diagnostics;

namespace Digest.Testing;

/// <summary>
/// Runs a built command (`digest`, `digest-lab`: its assembly beside the test assembly) as a separate
/// process, as a user would, with a time limit.
/// </summary>
public static class ProgramProcess
{
    /// <summary>`dotnet ASSEMBLY ARGS` in <paramref name="workingDirectory"/> with <paramref name="environment"/> added, output redirected.</summary>
    public static ProcessStartInfo StartInfo(string assembly, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>Starts the command and hands every line of its stdout and stderr to <paramref name="onLine"/> (from reader threads).</summary>
    public static Process Start(string assembly, string workingDirectory, IReadOnlyDictionary<string, string> environment, Action<string> onLine, params string[] args)
    {
        var process = Process.Start(StartInfo(assembly, workingDirectory, environment, args))!;
        void Line(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                onLine(e.Data);
            }
        }

        process.OutputDataReceived += Line;
        process.ErrorDataReceived += Line;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(6);

    public static async Task<(int ExitCode, string Output)> RunAsync(string assembly, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(assembly, workingDirectory, environment, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A hang guard, not a speed check: far above any run's time with four test classes side by side on 2 cores
        // (the 1,000-upload burst took 2 min 17 s there and tripped the earlier 2-minute guard).
        using var timeout = new CancellationTokenSource(HangGuard);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileNameWithoutExtension(assembly)} {string.Join(' ', args)} did not finish within {HangGuard.TotalMinutes} minutes.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
