namespace Digest.Testing;

/// <summary>The repository the tests run from (the folder holding Digest.sln), and its well-known files.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>seeds/articles: the two seed articles.</summary>
    public static string Seeds => Path.Combine(Root, "seeds", "articles");

    /// <summary>seeds/subscribers.json: the sample subscribers.</summary>
    public static string SeedSubscribers => Path.Combine(Root, "seeds", "subscribers.json");

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
