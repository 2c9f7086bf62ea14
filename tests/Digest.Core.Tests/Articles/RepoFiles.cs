namespace Digest.Core.Tests.Articles;

/// <summary>Files of the repository itself (seeds, golden files).</summary>
internal static class RepoFiles
{
    public static string Root => Digest.Testing.Repository.Root;

    public static string Seed(string name) => Path.Combine(Root, "seeds", "articles", name);

    public static string Golden(string name) => Path.Combine(Root, "tests", "Digest.Core.Tests", "Articles", "Golden", name);
}
