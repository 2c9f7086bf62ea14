namespace Digest.Cli.Tests.Dev;

/// <summary>Tests that use Digest's real container names in the shared Azurite run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AzuriteCollection
{
    public const string Name = "Azurite (real container names)";
}
