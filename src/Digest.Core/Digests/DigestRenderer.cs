namespace Digest.Core.Digests;

/// <summary>
/// Renders a digest to email-safe HTML and plain text from Handlebars templates (templates/ folder, overridable
/// from the templates container). PLACEHOLDER (scaffold): the Digests work fills it in.
/// </summary>
public sealed class DigestRenderer
{
    /// <summary>Renders both parts. Bodies contain <see cref="Delivery.EmailTags"/> for per-recipient values.</summary>
    public RenderedDigest Render(DigestDocument digest) => throw new NotImplementedException();
}

/// <summary>A rendered digest: subject, HTML and text bodies.</summary>
public sealed record RenderedDigest(string Subject, string Html, string Text);
