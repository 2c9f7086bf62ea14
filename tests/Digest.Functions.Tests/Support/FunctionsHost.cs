using Digest.Core.Storage;
using Digest.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Digest.Functions.Tests.Support;

/// <summary>
/// The services the worker registers (<see cref="FunctionsServices.AddDigestFunctions"/>, what Program.cs calls) over
/// a given blob store and fake clock, with optional extra registrations (e.g. replacing the job delegates), and the
/// function classes created from them as the worker creates them. Settings are what the app settings would be.
/// </summary>
internal sealed class FunctionsHost : IDisposable
{
    /// <summary>A test signing key (not a secret: only these tests use it).</summary>
    public const string SigningKey = "dGVzdC1vbmx5LXVuc3Vic2NyaWJlLXNpZ25pbmcta2V5LTMyYg==";

    private readonly ServiceProvider _services;

    public FunctionsHost(IBlobStore store, TimeProvider time, Action<IServiceCollection>? configure = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Digest:UnsubscribeSigningKey"] = SigningKey,
            ["Digest:Title"] = "Harbour Town Daily",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Information))
            .AddDigestFunctions(configuration);
        services.RemoveAll<IBlobStore>();
        services.AddSingleton(store);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton(time);
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public CapturedLogs Logs { get; } = new();

    public IServiceProvider Services => _services;

    /// <summary>A function class, constructed from the container as the worker does.</summary>
    public T Create<T>()
        where T : class => ActivatorUtilities.CreateInstance<T>(_services);

    public void Dispose() => _services.Dispose();
}
