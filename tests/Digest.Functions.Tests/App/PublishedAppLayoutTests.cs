using System.Text.Json;
using Digest.Functions.Tests.Support;

namespace Digest.Functions.Tests.App;

[Collection(PublishedAppCollection.Name)]
public sealed class PublishedAppLayoutTests(PublishedAppFixture app)
{
    [Fact]
    public void Publish_AppRoot_HasHostJsonFunctionFoldersAndTheExecutable()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(app.AppRoot, "host.json")));
        var executable = host.RootElement.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString()!;

        Assert.True(File.Exists(Path.Combine(app.AppRoot, executable)), "missing " + executable);
        Assert.True(File.Exists(Path.Combine(app.AppRoot, "Digest.Functions.dll")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(Path.Combine(app.AppRoot, executable)).HasFlag(UnixFileMode.UserExecute));
        }

        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")), File.ReadAllText(Path.Combine(app.AppRoot, "host.json")));
    }

    [Fact]
    public void Publish_EveryFunction_HasItsFunctionJsonFolderAndNothingElseLooksLikeOne()
    {
        var published = Directory.GetFiles(app.AppRoot, "function.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(app.AppRoot, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(FunctionEndpoints.Names.Order(StringComparer.Ordinal).Select(n => n + "/function.json"), published);
        foreach (var name in FunctionEndpoints.Names)
        {
            Assert.Equal(
                File.ReadAllText(Path.Combine(RepositoryPaths.FunctionsSource, name, "function.json")),
                File.ReadAllText(Path.Combine(app.AppRoot, name, "function.json")));
        }
    }

    [Fact]
    public void Publish_Output_SaysWhatItProduced()
    {
        foreach (var name in FunctionEndpoints.Names)
        {
            Assert.Contains(name + "/function.json", app.Output, StringComparison.Ordinal);
        }

        Assert.Contains("defaultExecutablePath: Digest.Functions", app.Output, StringComparison.Ordinal);
    }
}
