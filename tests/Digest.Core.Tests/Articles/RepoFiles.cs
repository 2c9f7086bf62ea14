namespace Digest.Core.Tests.Articles;

/// <summary>Files of the repository itself (seeds, golden files), found by walking up to Digest.sln.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Seed(string name) => Path.Combine(Root, "seeds", "articles", name);

    public static string Golden(string name) => Path.Combine(Root, "tests", "Digest.Core.Tests", "Articles", "Golden", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Digest.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Digest.sln not found above " + AppContext.BaseDirectory);
    }
}
