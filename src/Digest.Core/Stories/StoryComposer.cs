using Digest.Core.Articles;
using System.Security.Cryptography;
using System.Text;

namespace Digest.Core.Stories;

/// <summary>
/// Groups a day's articles into stories and merges each group.
/// PLACEHOLDER (scaffold): every article alone; the Stories work replaces it with real clustering, merging and
/// cross-day persistence.
/// </summary>
public sealed class StoryComposer
{
    public Task<IReadOnlyList<Story>> ComposeAsync(IReadOnlyList<Article> articles, DateOnly day, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Story> stories = articles
            .Select(a => new Story(
                "story-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(a.Id)))[..12],
                a.Title,
                a.Paragraphs.Take(2).ToArray(),
                [new StorySource(a.Id, a.Outlet, a.Title, a.Url, a.Published, [])],
                day,
                false,
                a.Published))
            .ToArray();
        return Task.FromResult(stories);
    }
}
