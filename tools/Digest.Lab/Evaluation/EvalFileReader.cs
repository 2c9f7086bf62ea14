using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Digest.Core.Articles;

namespace Digest.Lab.Evaluation;

/// <summary>
/// Reads an evaluation set: JSON lines with id, title, text (paragraphs separated by blank lines), date
/// (yyyy-MM-dd or an ISO 8601 date-time, or null), source (or null) and cluster. Every bad line is reported with its number; none is dropped
/// silently; reading stops after <see cref="MaxBadLines"/> bad lines. The date becomes the article's publication time (midnight UTC) so clustering honours it.
/// </summary>
public static class EvalFileReader
{
    /// <summary>Bad lines after which reading stops.</summary>
    public const int MaxBadLines = 10;

    public static async Task<EvalFile> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var articles = new List<Article>();
        var clusters = new List<string>();
        var errors = new List<string>();
        if (!File.Exists(path))
        {
            return new EvalFile(path, articles, clusters, [$"file not found: {path}"]);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        using var reader = new StreamReader(path, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (errors.Count == MaxBadLines)
            {
                // A wrong file (CSV, a subscribers list) has thousands of bad lines; ten say enough.
                return new EvalFile(path, articles, clusters, errors) { StoppedAtLine = lineNumber - 1 };
            }

            if (string.IsNullOrWhiteSpace(line)) continue;
            var problem = TryParse(line, Path.GetFileName(path), lineNumber, out var article, out var cluster);
            if (problem is null && !ids.Add(article!.Id)) problem = $"duplicate id '{article.Id}'";
            if (problem is not null)
            {
                errors.Add($"line {lineNumber}: {problem}");
                continue;
            }

            articles.Add(article!);
            clusters.Add(cluster!);
        }

        if (articles.Count == 0 && errors.Count == 0) errors.Add("the file holds no articles");
        return new EvalFile(path, articles, clusters, errors);
    }

    private static string? TryParse(string line, string fileName, int lineNumber, out Article? article, out string? cluster)
    {
        article = null;
        cluster = null;
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return "not a JSON object";
            var id = Text(root, "id");
            var title = Text(root, "title");
            var text = Text(root, "text");
            cluster = Text(root, "cluster") ?? (root.TryGetProperty("cluster", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetRawText() : null);
            if (string.IsNullOrWhiteSpace(id)) return "missing \"id\"";
            if (cluster is null) return "missing \"cluster\"";
            if (string.IsNullOrWhiteSpace(title) && string.IsNullOrWhiteSpace(text)) return "no \"title\" or \"text\"";
            DateTimeOffset? published = null;
            if (Text(root, "date") is { } date)
            {
                published = ParseDate(date);
                if (published is null) return $"bad date '{date}' (want an ISO 8601 date or date-time)";
            }

            var paragraphs = (text ?? string.Empty)
                .Replace("\r\n", "\n", StringComparison.Ordinal)
                .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{title}\n{text}")));
            article = new Article(
                id, title ?? string.Empty, Text(root, "source"), null, null, published,
                [new ArticleSection(null, paragraphs)], [], "en", hash, $"{fileName}:{lineNumber}", ArticleFormat.Json);
            return null;
        }
        catch (JsonException e)
        {
            return $"not valid JSON ({e.Message})";
        }
    }

    /// <summary>yyyy-MM-dd (midnight UTC) or an ISO 8601 date-time (with an offset or Z; none means UTC).</summary>
    internal static DateTimeOffset? ParseDate(string date)
    {
        if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        return date.Length > 10 && date[10] is 'T' or 't' or ' '
            && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
