using Digest.Core.Storage;

namespace Digest.Core.Digests;

/// <summary>
/// The Handlebars sources of a digest: the HTML and text layouts and their partials (by name). The defaults ship
/// embedded (from templates/ in the repository); any file in the templates container overrides its default.
/// </summary>
public sealed record DigestTemplates(string Html, string Text, IReadOnlyDictionary<string, string> Partials)
{
    public const string HtmlName = "digest.html.hbs";
    public const string TextName = "digest.txt.hbs";
    private const string PartialsFolder = "partials/";

    /// <summary>The templates shipped with Digest.</summary>
    public static DigestTemplates Embedded { get; } = LoadEmbedded();

    /// <summary>The embedded templates with every override found in the store's templates container applied.</summary>
    public static async Task<DigestTemplates> LoadAsync(IBlobStore store, CancellationToken cancellationToken = default)
    {
        var templates = Embedded;
        var partials = new Dictionary<string, string>(templates.Partials, StringComparer.Ordinal);
        var changed = false;
        await foreach (var blob in store.ListAsync(Containers.Templates, null, cancellationToken).ConfigureAwait(false))
        {
            var content = await store.GetAsync(Containers.Templates, blob.Name, cancellationToken).ConfigureAwait(false);
            if (content is null)
            {
                continue;
            }

            var source = content.Content.ToString();
            switch (blob.Name)
            {
                case HtmlName:
                    templates = templates with { Html = source };
                    changed = true;
                    break;
                case TextName:
                    templates = templates with { Text = source };
                    changed = true;
                    break;
                case var name when name.StartsWith(PartialsFolder, StringComparison.Ordinal) && name.EndsWith(".hbs", StringComparison.Ordinal):
                    partials[name[PartialsFolder.Length..^4]] = source;
                    changed = true;
                    break;
            }
        }

        return changed ? templates with { Partials = partials } : templates;
    }

    private static DigestTemplates LoadEmbedded()
    {
        var assembly = typeof(DigestTemplates).Assembly;
        string Read(string name)
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded template '{name}' is missing from {assembly.GetName().Name}.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        var partials = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("templates/" + PartialsFolder, StringComparison.Ordinal))
            .ToDictionary(n => Path.GetFileNameWithoutExtension(n), Read, StringComparer.Ordinal);
        return new DigestTemplates(Read("templates/" + HtmlName), Read("templates/" + TextName), partials);
    }
}
