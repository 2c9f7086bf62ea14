namespace Digest.Cli.Tests.Run;

/// <summary>Finds the repository root (the folder holding Digest.sln) from the test binaries.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Seeds => Path.Combine(Root, "seeds", "articles");

    public static string SeedSubscribers => Path.Combine(Root, "seeds", "subscribers.json");

    private static string Find()
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
