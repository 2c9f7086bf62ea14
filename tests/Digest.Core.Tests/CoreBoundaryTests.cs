using System.Reflection;
using Digest.Core.Articles;

namespace Digest.Core.Tests;

/// <summary>Issue 22: evaluation, benchmarks and the synthetic stream live in tools/Digest.Lab, not in Core.</summary>
public sealed class CoreBoundaryTests
{
    [Fact]
    public void Core_HasNoEvaluationOrBenchmarkTypes()
    {
        var research = typeof(Article).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns.Contains("Evaluation", StringComparison.Ordinal) || ns.Contains("Bench", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .ToArray();

        Assert.Empty(research);
    }
}
