using Digest.Core.Stories.Embeddings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digest.Embeddings;

/// <summary>Registers the MiniLM sentence embedder as Core's <see cref="ITextEmbedder"/> (one per process).</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddDigestEmbeddings(this IServiceCollection services, Action<MiniLmOptions>? configure = null)
    {
        var builder = services.AddOptions<MiniLmOptions>();
        if (configure is not null) builder.Configure(configure);
        services.TryAddSingleton<MiniLmEmbedder>();
        services.TryAddSingleton<ITextEmbedder>(sp => sp.GetRequiredService<MiniLmEmbedder>());
        return services;
    }
}
