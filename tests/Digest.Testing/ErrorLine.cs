using Xunit;

namespace Digest.Testing;

/// <summary>How a command reports a mistake (issue 13): exactly one `error:` line, with no stack trace.</summary>
public static class ErrorLine
{
    /// <summary>
    /// Asserts <paramref name="output"/> (stdout and stderr) holds one line starting `error: ` that contains every
    /// fragment, and no stack trace; <paramref name="mistake"/> names the case in the failure message.
    /// </summary>
    public static void AssertOne(string output, string[] fragments, string mistake)
    {
        var errors = output.Split('\n').Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToArray();
        Assert.True(errors.Length == 1, $"{mistake}: expected one error line, got:\n{output}");
        foreach (var fragment in fragments)
        {
            Assert.True(errors[0].Contains(fragment, StringComparison.Ordinal), $"{mistake}: '{fragment}' missing from: {errors[0]}");
        }

        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Unhandled exception", output);
    }
}
