using Digest.Core.Storage;

namespace Digest.Core.Digests;

/// <summary>
/// The Scriban sources of a digest by file name: the HTML and text layouts (<see cref="HtmlName"/>,
/// <see cref="TextName"/>), the web archive's index (<see cref="ArchiveName"/>) and the files they <c>include</c> from <c>partials/</c> (<c>*.sbn-html</c>, <c>*.sbn-txt</c>).
/// The defaults ship embedded (from templates/ in the repository); any file in the templates container with one of
/// these names replaces its default or adds a partial.
/// </summary>
public sealed class DigestTemplates
{
    public const string HtmlName = "digest.sbn-html";
    public const string TextName = "digest.sbn-txt";
    public const string ArchiveName = "archive.sbn-html";
    public const string PartialsFolder = "partials/";
    private const string ResourcePrefix = "templates/";

    private DigestTemplates(IReadOnlyDictionary<string, string> files, IReadOnlySet<string> overridden)
    {
        Files = files;
        Overridden = overridden;
    }

    /// <summary>The templates shipped with Digest.</summary>
    public static DigestTemplates Embedded { get; } = LoadEmbedded();

    /// <summary>Every template source by file name relative to templates/ (e.g. <c>partials/story.sbn-html</c>).</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>The file names whose source came from the templates container rather than the embedded defaults.</summary>
    public IReadOnlySet<string> Overridden { get; }

    /// <summary>Whether <paramref name="name"/> is a file name Digest reads (a layout or a partial).</summary>
    public static bool IsTemplateName(string name) =>
        name is HtmlName or TextName or ArchiveName
        || (name.StartsWith(PartialsFolder, StringComparison.Ordinal)
            && name.IndexOf('/', PartialsFolder.Length) < 0
            && (name.EndsWith(".sbn-html", StringComparison.Ordinal) || name.EndsWith(".sbn-txt", StringComparison.Ordinal)));

    /// <summary>These templates with <paramref name="name"/> replaced (or added) by <paramref name="source"/>.</summary>
    public DigestTemplates With(string name, string source)
    {
        if (!IsTemplateName(name))
        {
            throw new ArgumentException($"'{name}' is not a digest template name ({HtmlName}, {TextName}, {ArchiveName} or {PartialsFolder}*.sbn-html|*.sbn-txt).", nameof(name));
        }

        var files = new Dictionary<string, string>(Files, StringComparer.Ordinal) { [name] = source };
        return new DigestTemplates(files, new HashSet<string>(Overridden, StringComparer.Ordinal) { name });
    }

    /// <summary>The embedded templates with every override found in the store's templates container applied.</summary>
    public static async Task<DigestTemplates> LoadAsync(IBlobStore store, CancellationToken cancellationToken = default)
    {
        var templates = Embedded;
        await foreach (var blob in store.ListAsync(Containers.Templates, null, cancellationToken).ConfigureAwait(false))
        {
            if (blob.Name.EndsWith(".hbs", StringComparison.Ordinal))
            {
                // An override written for the Handlebars templates Digest used before: ignoring it would silently drop
                // an editor's change (a legal footer, say), so the build stops until it is ported or deleted.
                throw new DigestTemplateException($"Digest template error: {blob.Name} in the templates container is a Handlebars template; Digest renders Scriban templates now. Port it to {HtmlName}, {TextName}, {ArchiveName} or {PartialsFolder}*.sbn-html|*.sbn-txt (see templates/ in the repository) or delete it.");
            }

            if (!IsTemplateName(blob.Name))
            {
                continue;
            }

            var content = await store.GetAsync(Containers.Templates, blob.Name, cancellationToken).ConfigureAwait(false);
            if (content is not null)
            {
                templates = templates.With(blob.Name, content.Content.ToString());
            }
        }

        return templates;
    }

    private static DigestTemplates LoadEmbedded()
    {
        var assembly = typeof(DigestTemplates).Assembly;
        string Read(string resource)
        {
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Embedded template '{resource}' is missing from {assembly.GetName().Name}.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && IsTemplateName(n[ResourcePrefix.Length..]))
            .ToDictionary(n => n[ResourcePrefix.Length..], Read, StringComparer.Ordinal);
        foreach (var required in new[] { HtmlName, TextName, ArchiveName })
        {
            if (!files.ContainsKey(required))
            {
                throw new InvalidOperationException($"Embedded template '{ResourcePrefix}{required}' is missing from {assembly.GetName().Name}.");
            }
        }

        return new DigestTemplates(files, new HashSet<string>(StringComparer.Ordinal));
    }
}
