using Digest.Core.Storage;

namespace Digest.Core.Digests;

/// <summary>
/// Public URLs of the web archive, under <see cref="DigestOptions.PublicBaseUrl"/>: a day's page is
/// {base}/digests/&lt;yyyy-MM-dd&gt;/index.html and the index of past digests {base}/digests/index.html, the same paths
/// as the blobs in the digests container (so any static host of that container, or the Functions app, serves them).
/// </summary>
public static class DigestLinks
{
    public static string DayPage(DigestOptions options, DateOnly day) => Base(options) + "/" + Containers.Digests + "/" + Containers.DigestPage(day);

    public static string ArchiveIndex(DigestOptions options) => Base(options) + "/" + Containers.Digests + "/" + Containers.ArchiveIndex;

    private static string Base(DigestOptions options) => options.PublicBaseUrl.TrimEnd('/');
}
