using System.Diagnostics;
using System.Text.Json;
using Digest.Functions.Tests.Support;

namespace Digest.Functions.Tests.Infra;

/// <summary>The infrastructure compiles and lints clean with the real Bicep CLI (pinned, restored by test.sh).</summary>
public sealed class BicepTests
{
    private static readonly string Main = Path.Combine(RepositoryPaths.Root, "infra", "main.bicep");

    [BicepFact]
    public async Task Build_MainBicep_CompilesWithoutErrorsOrWarnings()
    {
        var result = await RunAsync("build", Main, "--stdout");

        Assert.True(result.ExitCode == 0, result.Output);
        AssertNoDiagnostics(result);
        using var template = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("subscription", SchemaScope(template));
        // The Event Grid subscription is created after deploy (infra/scripts): no key is listed in the template.
        Assert.DoesNotContain("listKeys", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("blobs_extension", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("dotnet-isolated", result.StandardOutput, StringComparison.Ordinal);
    }

    [BicepFact]
    public async Task Lint_MainBicep_ReportsNothing()
    {
        var result = await RunAsync("lint", Main);

        Assert.True(result.ExitCode == 0, result.Output);
        AssertNoDiagnostics(result);
    }

    private static void AssertNoDiagnostics(Result result)
    {
        // Diagnostics look like "<file>(line,col) : Warning <rule>: <message>"; zero warnings and zero errors.
        var diagnostics = result.StandardError.Split('\n')
            .Where(l => l.Contains(": Warning ", StringComparison.Ordinal) || l.Contains(": Error ", StringComparison.Ordinal))
            .ToArray();
        Assert.True(diagnostics.Length == 0, string.Join('\n', diagnostics));
    }

    private static string SchemaScope(JsonDocument template) =>
        template.RootElement.GetProperty("$schema").GetString()!.Contains("subscriptionDeploymentTemplate", StringComparison.Ordinal) ? "subscription" : "other";

    private static async Task<Result> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(BicepFactAttribute.Require())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    private sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public string Output => $"exit {ExitCode}\n{StandardError}";
    }
}
