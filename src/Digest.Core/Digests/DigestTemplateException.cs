namespace Digest.Core.Digests;

/// <summary>
/// A digest template (default or override) that does not parse or render: the message names each file with its line
/// and column, e.g. "partials/story.sbn-txt(10,8) [override from the templates container]: ...". A user's mistake,
/// reported as one line, never as a crash.
/// </summary>
public sealed class DigestTemplateException : InvalidOperationException
{
    public DigestTemplateException(string message)
        : base(message)
    {
    }

    public DigestTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
