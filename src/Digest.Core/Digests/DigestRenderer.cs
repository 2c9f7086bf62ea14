using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace Digest.Core.Digests;

/// <summary>
/// Renders a digest to email-safe HTML and plain text with Scriban. In the HTML template every value an expression
/// outputs is HTML-encoded by the context (<see cref="HtmlTemplateContext"/>), whatever the template says; the text
/// template is not encoded. Templates are parsed once per template set.
/// </summary>
public sealed class DigestRenderer(IOptions<DigestOptions> options)
{
    private const int TextWidth = 76;
    private readonly ConditionalWeakTable<DigestTemplates, CompiledTemplates> _compiled = new();

    /// <summary>Renders both parts of the email (or the web page). Bodies contain <see cref="Delivery.EmailTags"/> for per-recipient values.</summary>
    /// <exception cref="InvalidOperationException">A template fails to parse or render (the message names the file, line and column).</exception>
    public RenderedDigest Render(DigestDocument digest, DigestTemplates? templates = null, DigestEdition edition = DigestEdition.Email)
    {
        var view = DigestView.From(digest, options.Value, edition);
        return Render(view, DigestView.SubjectFor(digest, options.Value.Title), templates);
    }

    /// <summary>The web archive's index page: every past digest listed in <paramref name="entries"/>, newest first.</summary>
    public string RenderArchiveIndex(IReadOnlyList<ArchiveEntry> entries, DigestTemplates? templates = null) =>
        Compile(templates ?? DigestTemplates.Embedded).RenderArchive(ArchiveView.From(entries, options.Value));

    /// <summary>Parses every template of the set, so a broken one stops a job before it writes or sends anything.</summary>
    /// <exception cref="InvalidOperationException">A template fails to parse (the message names the file, line and column).</exception>
    public void Validate(DigestTemplates templates) => Compile(templates);

    internal RenderedDigest Render(DigestView view, string subject, DigestTemplates? templates = null)
    {
        var compiled = Compile(templates ?? DigestTemplates.Embedded);
        return new RenderedDigest(subject, compiled.RenderHtml(view), TextWrapper.Wrap(compiled.RenderText(view), TextWidth));
    }

    private CompiledTemplates Compile(DigestTemplates templates) => _compiled.GetValue(templates, CompiledTemplates.Compile);
}

/// <summary>A rendered digest: subject, HTML and text bodies.</summary>
public sealed record RenderedDigest(string Subject, string Html, string Text);
