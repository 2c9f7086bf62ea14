using System.Security.Cryptography;
using Digest.Core;
using Digest.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Cli.Hosting;

/// <summary>
/// Local runs need an unsubscribe signing key even when none is configured: the store holds one
/// (state/<see cref="Containers.UnsubscribeSigningKey"/>), created once with If-None-Match: * by whichever process
/// comes first; every other process on the same store, from any folder, reads that one, so the links one process signs
/// are the links the serving process accepts. Production sets Digest__UnsubscribeSigningKey (Key Vault in Azure), and a
/// configured key always wins.
/// </summary>
internal static class LocalSigningKey
{
    private const string Setting = $"{DigestOptions.Section}:{nameof(DigestOptions.UnsubscribeSigningKey)}";

    /// <summary>The configuration as given when it has a key; otherwise with the store's key added.</summary>
    public static Task<IConfiguration> EnsureConfiguredAsync(IConfiguration configuration, Action<IServiceCollection> storage, CancellationToken cancellationToken) =>
        EnsureConfiguredAsync(configuration, storage, waitForStorage: false, cancellationToken);

    /// <param name="configuration">The configuration as given.</param>
    /// <param name="storage">Registers the store the key lives in.</param>
    /// <param name="waitForStorage">
    /// True for a watching <c>digest dev</c>: a store that cannot be reached yet is waited for (with backoff, said once
    /// on stderr) as the watch cycles wait out an outage, instead of ending the process at start.
    /// </param>
    /// <param name="cancellationToken">Stops the wait.</param>
    public static async Task<IConfiguration> EnsureConfiguredAsync(IConfiguration configuration, Action<IServiceCollection> storage, bool waitForStorage, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(configuration[Setting]))
        {
            return configuration;
        }

        var services = new ServiceCollection().AddSingleton(TimeProvider.System);
        storage(services);
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IBlobStore>();
        string key;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                key = await LoadOrCreateAsync(store, cancellationToken).ConfigureAwait(false);
                if (attempt > 1)
                {
                    await Console.Error.WriteLineAsync("digest dev: the store answers again; starting.").ConfigureAwait(false);
                }

                break;
            }
            catch (Exception e) when (waitForStorage && e is not (OperationCanceledException or CliException))
            {
                if (attempt == 1)
                {
                    await Console.Error.WriteLineAsync($"digest dev: the store cannot be reached yet to read the unsubscribe signing key ({e.GetType().Name}); waiting for it.").ConfigureAwait(false);
                }

                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(attempt, 5))), cancellationToken).ConfigureAwait(false);
            }
        }

        return new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(new Dictionary<string, string?> { [Setting] = key })
            .Build();
    }

    /// <summary>The store's key, created create-only when missing: racing creators agree on the first one written.</summary>
    public static async Task<string> LoadOrCreateAsync(IBlobStore store, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(Containers.State, Containers.UnsubscribeSigningKey, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing.Content.ToString().Trim();
        }

        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var written = await store.PutAsync(Containers.State, Containers.UnsubscribeSigningKey, BinaryData.FromString(key), BlobWriteOptions.CreateOnly("text/plain"), cancellationToken).ConfigureAwait(false);
        if (written.Written)
        {
            return key;
        }

        var winner = await store.GetAsync(Containers.State, Containers.UnsubscribeSigningKey, cancellationToken).ConfigureAwait(false);
        return winner?.Content.ToString().Trim() ?? throw new InvalidOperationException("The store's unsubscribe signing key exists but cannot be read.");
    }
}
