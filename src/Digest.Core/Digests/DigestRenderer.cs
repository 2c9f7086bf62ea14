using System.Runtime.CompilerServices;
using HandlebarsDotNet;
using Microsoft.Extensions.Options;

namespace Digest.Core.Digests;

/// <summary>
/// Renders a digest to email-safe HTML and plain text with Handlebars.Net. The HTML environment escapes every
/// expression (Handlebars' default: &amp; &lt; &gt; " ' ` =); the text environment does not escape. Templates are
/// compiled once per template set.
/// </summary>
public sealed class DigestRenderer(IOptions<DigestOptions> options)
{
    private const int TextWidth = 76;
    private readonly ConditionalWeakTable<DigestTemplates, Compiled> _compiled = new();

    /// <summary>Renders both parts. Bodies contain <see cref="Delivery.EmailTags"/> for per-recipient values.</summary>
    public RenderedDigest Render(DigestDocument digest, DigestTemplates? templates = null)
    {
        var compiled = _compiled.GetValue(templates ?? DigestTemplates.Embedded, Compile);
        var title = options.Value.Title;
        var view = DigestView.From(digest, title);
        var subject = Text.SingleLineText.From($"{title}: {view.DateLong}" + (view.Stories.Count > 0 ? $" · {view.Stories[0].Headline}" : string.Empty));
        return new RenderedDigest(DigestView.Truncate(subject, 200), compiled.Html(view), TextWrapper.Wrap(compiled.Text(view), TextWidth));
    }

    private static Compiled Compile(DigestTemplates templates)
    {
        var html = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = false });
        var text = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
        foreach (var (name, source) in templates.Partials)
        {
            html.RegisterTemplate(name, source);
            text.RegisterTemplate(name, source);
        }

        var renderHtml = html.Compile(templates.Html);
        var renderText = text.Compile(templates.Text);
        return new Compiled(view => renderHtml(view), view => renderText(view));
    }

    private sealed record Compiled(Func<object, string> Html, Func<object, string> Text);
}

/// <summary>A rendered digest: subject, HTML and text bodies.</summary>
public sealed record RenderedDigest(string Subject, string Html, string Text);
