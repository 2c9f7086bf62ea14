using System.Text.Json;
using Digest.Core.Articles.Building;

namespace Digest.Core.Articles.Formats.Html;

/// <summary>The fields Digest reads from a schema.org NewsArticle (or Article, BlogPosting...) in JSON-LD.</summary>
internal sealed record JsonLdArticle(string? Headline, string? DatePublished, string? Author, string? Publisher, string? Url, string? Language)
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "Report",
    };

    /// <summary>The first article object in the scripts, or null. Malformed JSON-LD is a warning, not a failure.</summary>
    public static JsonLdArticle? Find(IEnumerable<string> scripts, DiagnosticBag diagnostics)
    {
        foreach (var script in scripts)
        {
            try
            {
                using var document = JsonDocument.Parse(script, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (FindArticle(document.RootElement) is { } article)
                {
                    return Read(article);
                }
            }
            catch (JsonException e)
            {
                diagnostics.Warning("invalid-json-ld", $"A JSON-LD script is not valid JSON (line {e.LineNumber + 1}); it was ignored.");
            }
        }

        return null;
    }

    private static JsonElement? FindArticle(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FindArticle(item) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                if (element.TryGetProperty("@type", out var type) && IsArticleType(type))
                {
                    return element;
                }

                return element.TryGetProperty("@graph", out var graph) ? FindArticle(graph) : null;
            default:
                return null;
        }
    }

    private static bool IsArticleType(JsonElement type) => type.ValueKind switch
    {
        JsonValueKind.String => ArticleTypes.Contains(type.GetString()!),
        JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString()!)),
        _ => false,
    };

    private static JsonLdArticle Read(JsonElement article) => new(
        Text(article, "headline") ?? Text(article, "name"),
        Text(article, "datePublished"),
        Names(article, "author"),
        Names(article, "publisher"),
        Text(article, "url") ?? Text(article, "mainEntityOfPage"),
        Text(article, "inLanguage"));

    private static string? NameOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Object => value.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null,
        _ => null,
    };

    // A string, or an object's "name" / "@id".
    private static string? Text(JsonElement parent, string property) =>
        parent.TryGetProperty(property, out var value) ? TextOf(value) : null;

    private static string? TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Object => value.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()
            : value.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null,
        _ => null,
    };

    // A name, an object with a name, or a list of those, joined with ", ". Never an "@id": for people and
    // organisations that is a URL, not a name.
    private static string? Names(JsonElement parent, string property)
    {
        if (!parent.TryGetProperty(property, out var value))
        {
            return null;
        }

        var names = value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(NameOf).OfType<string>().Where(n => n.Length > 0).ToArray()
            : NameOf(value) is { Length: > 0 } one ? [one] : [];
        return names.Length == 0 ? null : string.Join(", ", names);
    }
}
