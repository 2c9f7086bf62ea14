namespace Digest.Functions.Tests.Support;

/// <summary>Paths of the repository that the Functions tests read.</summary>
internal static class RepositoryPaths
{
    public static string Root => Digest.Testing.Repository.Root;

    public static string FunctionsProject => Path.Combine(Root, "src", "Digest.Functions");

    /// <summary>src/Digest.Functions/bin/&lt;Configuration&gt;/&lt;tfm&gt;: the built worker, in this test project's configuration.</summary>
    public static string FunctionsAppOutput
    {
        get
        {
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(FunctionsProject, "bin", testOutput.Parent!.Name, testOutput.Name);
        }
    }
}
