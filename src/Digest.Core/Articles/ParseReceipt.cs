using System.Security.Cryptography;
using System.Text;

namespace Digest.Core.Articles;

/// <summary>
/// Proof that one version (ETag) of an upload was handled, stored create-only in the state container at
/// <see cref="BlobNameFor"/>. Its existence is what makes <see cref="ParseArticleJob"/> process each version once.
/// </summary>
/// <param name="BlobName">The upload in articles/.</param>
/// <param name="ETag">The version that was handled.</param>
/// <param name="Kind">Parsed or quarantined.</param>
/// <param name="Day">Day the article was filed under.</param>
/// <param name="ArticleId">The article id when parsed.</param>
/// <param name="Reason">The rejection reason when quarantined.</param>
/// <param name="ProcessedAt">When.</param>
public sealed record ParseReceipt(string BlobName, string ETag, ParseOutcomeKind Kind, DateOnly Day, string? ArticleId, string? Reason, DateTimeOffset ProcessedAt)
{
    private const string Prefix = "receipts/articles/";

    /// <summary>
    /// receipts/articles/&lt;name&gt;/&lt;hash of the ETag&gt;.json. The ETag is hashed because it may hold quotes and
    /// characters a blob name should not; a name too long to fit under the 1,024-character limit is hashed too.
    /// </summary>
    public static string BlobNameFor(string blobName, string etag) => $"{PrefixFor(blobName)}{Hash(etag)}.json";

    /// <summary>
    /// The folder of every version's receipt of one upload. A name that is too long, or that no store accepts (a ".."
    /// segment), is hashed.
    /// </summary>
    public static string PrefixFor(string blobName)
    {
        var prefix = $"{Prefix}{blobName}/";
        return Encoding.UTF8.GetByteCount(prefix) + 32 + 5 <= 1024 && Storage.BlobNames.IsValid(blobName) ? prefix : $"{Prefix}~long-names/{Hash(blobName)}/";
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];
}
