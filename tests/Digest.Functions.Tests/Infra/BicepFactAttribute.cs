using Digest.Testing;

namespace Digest.Functions.Tests.Infra;

/// <summary>
/// A test that needs the Bicep CLI (DIGEST_BICEP, exported by test.sh from the pinned Azure.Bicep.CommandLine package
/// restored by tools/bicep/Bicep.csproj): skipped (with why) outside ./test.sh, never skipped inside it, where a missing
/// binary fails the test.
/// </summary>
public sealed class BicepFactAttribute : FactAttribute
{
    public const string Variable = "DIGEST_BICEP";

    public BicepFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)) && !TestServices.Required)
        {
            Skip = "Needs the Bicep CLI: run ./test.sh (it restores tools/bicep/Bicep.csproj and sets DIGEST_BICEP).";
        }
    }

    public static string Require()
    {
        var path = Environment.GetEnvironmentVariable(Variable);
        Assert.False(string.IsNullOrEmpty(path), Variable + " is not set: run the tests with ./test.sh, which restores the pinned Bicep CLI.");
        Assert.True(File.Exists(path), Variable + " names no file: " + path);
        return path!;
    }
}
