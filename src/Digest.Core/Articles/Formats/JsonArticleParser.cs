using System.Text.Json;
using Digest.Core.Articles.Building;
using Digest.Core.Articles.Heuristics;
using Digest.Core.Json;

namespace Digest.Core.Articles.Formats;

/// <summary>
/// JSON: the normalised <see cref="Article"/> shape (recognised by its "sections"), read with
/// <see cref="DigestJsonContext"/>; or a minimal object {"title", "body"|"text"|"content", "source"|"outlet",
/// "url"|"link", "published"|"date", "byline"|"author", "lang"|"language"} whose body is read like plain text.
/// Id, content hash, source name and format are always recomputed, never trusted.
/// </summary>
internal static class JsonArticleParser
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static DraftResult Parse(string json, DiagnosticBag diagnostics, ParseBudget budget)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            return diagnostics.Reject("invalid-json", $"The input is not valid JSON: line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {WithoutPosition(e.Message)}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return diagnostics.Reject("invalid-json", $"The JSON input is {root.ValueKind.ToString().ToLowerInvariant()}, not an object with a title and a body.");
            }

            try
            {
                return Field(root, "sections") is not null ? ReadArticleShape(root, diagnostics) : ReadMinimalShape(root, diagnostics, budget);
            }
            catch (InvalidOperationException e)
            {
                // A string System.Text.Json cannot turn into UTF-16 ("\ud800" alone): bad input, not a crash.
                return diagnostics.Reject("invalid-json", $"The JSON input holds a string that is not valid text: {e.Message}");
            }
        }
    }

    private static DraftResult ReadArticleShape(JsonElement root, DiagnosticBag diagnostics)
    {
        Article? stored;
        try
        {
            stored = root.Deserialize(DigestJsonContext.Stored.Article);
        }
        catch (JsonException e)
        {
            return diagnostics.Reject("invalid-json", $"The JSON input does not match the article format at {e.Path ?? "$"}: {WithoutPosition(e.Message)}");
        }

        var draft = new ArticleDraft
        {
            Title = stored?.Title,
            Outlet = stored?.Outlet,
            Byline = stored?.Byline,
            Url = stored?.Url?.OriginalString,
            Published = stored?.Published,
            Language = stored?.Language,
        };
        foreach (var section in stored?.Sections ?? [])
        {
            draft.AddHeading(section?.Heading);
            foreach (var paragraph in section?.Paragraphs ?? [])
            {
                draft.AddParagraph(paragraph);
            }
        }

        foreach (var caption in stored?.ImageCaptions ?? [])
        {
            draft.AddCaption(caption);
        }

        return draft;
    }

    private static DraftResult ReadMinimalShape(JsonElement root, DiagnosticBag diagnostics, ParseBudget budget)
    {
        var draft = new ArticleDraft
        {
            Title = Text(root, "title", "headline"),
            Outlet = Text(root, "source", "outlet", "publisher"),
            Byline = Text(root, "byline", "author", "authors"),
            Url = Text(root, "url", "link"),
            Language = Text(root, "lang", "language"),
        };
        draft.Published = DateParser.Parse(Text(root, "published", "date", "publishedAt", "datePublished"), diagnostics);
        if (Field(root, "imageCaptions", "captions") is { ValueKind: JsonValueKind.Array } captions)
        {
            foreach (var caption in captions.EnumerateArray())
            {
                draft.AddCaption(TextOf(caption));
            }
        }

        switch (Field(root, "body", "text", "content"))
        {
            case { ValueKind: JsonValueKind.String } body:
                PlainTextBody.Read(PlainTextBlocks.Split(body.GetString()!, budget), 0, draft, diagnostics, budget);
                break;
            case { ValueKind: JsonValueKind.Array } paragraphs:
                PlainTextBody.Read(paragraphs.EnumerateArray().Select(TextOf).OfType<string>().ToArray(), 0, draft, diagnostics, budget);
                break;
        }

        return draft;
    }

    // Property names match case-insensitively: editors write "Title" as often as "title".
    private static JsonElement? Field(JsonElement root, params string[] names)
    {
        foreach (var name in names)
        {
            foreach (var property in root.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
                {
                    return property.Value;
                }
            }
        }

        return null;
    }

    private static string? Text(JsonElement root, params string[] names) => Field(root, names) is { } value ? TextOf(value) : null;

    // A string, a number, an object's "name", or a list of those joined with ", " (several authors).
    private static string? TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Object => Text(value, "name"),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(TextOf).OfType<string>().Where(s => s.Length > 0)),
        _ => null,
    };

    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
