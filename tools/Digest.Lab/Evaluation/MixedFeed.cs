using System.Security.Cryptography;
using System.Text;
using Digest.Core.Articles;

namespace Digest.Lab.Evaluation;

/// <summary>
/// A mixed feed made from a full-text file (`eval --headline-only SHARE`): a share of the articles, chosen by a hash of
/// their ids (the same ones on every run), keep only their headline, as RSS items do beside full articles. Grouping must
/// still put a headline with the full reports of its event, and keep it from a look-alike's.
/// </summary>
public static class MixedFeed
{
    public static IReadOnlyList<Article> KeepHeadlines(IReadOnlyList<Article> articles, double share) =>
        articles.Select(a => Chosen(a.Id, share) ? a with { Sections = [], ImageCaptions = [], Dateline = null, Embedding = null, NamedDays = null } : a).ToList();

    /// <summary>Whether the id's hash falls in the first <paramref name="share"/> of the range.</summary>
    public static bool Chosen(string id, double share)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(id));
        return BitConverter.ToUInt32(hash, 0) / (double)uint.MaxValue < share;
    }
}
