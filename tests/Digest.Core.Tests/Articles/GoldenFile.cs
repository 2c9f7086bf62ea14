using System.Text;

namespace Digest.Core.Tests.Articles;

/// <summary>
/// Compares output with a committed file under Articles/Golden/. With DIGEST_UPDATE_GOLDEN=1 the file is
/// rewritten first (then review the diff before committing it).
/// </summary>
internal static class GoldenFile
{
    public static void AssertMatches(string name, string actual)
    {
        var path = RepoFiles.Golden(name);
        if (Environment.GetEnvironmentVariable("DIGEST_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual.ReplaceLineEndings("\n"), new UTF8Encoding(false));
        }

        Assert.True(File.Exists(path), $"Missing golden file {path}: run the tests once with DIGEST_UPDATE_GOLDEN=1 and review it.");
        // Line endings normalised: a checkout with core.autocrlf, or a Windows JSON writer, must not fail it.
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }
}
