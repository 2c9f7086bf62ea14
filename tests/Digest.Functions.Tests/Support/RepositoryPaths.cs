namespace Digest.Functions.Tests.Support;

/// <summary>Finds the repository root (the folder holding Digest.sln) from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string FunctionsSource => Path.Combine(Root, "src", "Digest.Functions", "Functions");

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
