namespace Digest.Functions.Tests.Support;

/// <summary>Paths of the repository that the Functions tests read.</summary>
internal static class RepositoryPaths
{
    public static string Root => Digest.Testing.Repository.Root;

    public static string FunctionsProject => Path.Combine(Root, "src", "Digest.Functions");
}
