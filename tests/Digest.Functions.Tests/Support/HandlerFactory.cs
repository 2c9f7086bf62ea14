using Digest.Core.Storage;
using Digest.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digest.Functions.Tests.Support;

/// <summary>
/// The real handler (Program) in memory, over a given blob store and fake clock, with optional extra registrations
/// (e.g. replacing the job delegates). Settings are what the Functions app settings would be.
/// </summary>
internal sealed class HandlerFactory(IBlobStore store, FakeTimeProvider time, Action<IServiceCollection>? configure = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    /// <summary>A test signing key (not a secret: only these tests use it).</summary>
    public const string SigningKey = "dGVzdC1vbmx5LXVuc3Vic2NyaWJlLXNpZ25pbmcta2V5LTMyYg==";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Digest:UnsubscribeSigningKey", SigningKey);
        builder.UseSetting("Digest:Title", "Harbour Town Daily");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IBlobStore>();
            services.AddSingleton(store);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(time);
            configure?.Invoke(services);
        });
    }
}
