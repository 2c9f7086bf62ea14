namespace Digest.Core.Digests;

/// <summary>Which copy of a digest is rendered.</summary>
public enum DigestEdition
{
    /// <summary>The email: the first stories in full, the rest one line each, per-recipient unsubscribe tag.</summary>
    Email,

    /// <summary>The web archive page, digests/&lt;day&gt;/index.html: every story in full, no subscriber data.</summary>
    Web,
}
