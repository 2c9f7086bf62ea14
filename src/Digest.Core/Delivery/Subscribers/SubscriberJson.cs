using System.Text.Json;

namespace Digest.Core.Delivery.Subscribers;

/// <summary>
/// Reads a JSON array of subscribers, the seeds/subscribers.json format: [{"email":"...","name":"..."}], with
/// optional "status" and "topics" (array of strings). Each bad item gets a diagnostic; the others are kept.
/// </summary>
public static class SubscriberJson
{
    public static async Task<SubscriberFile> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return new SubscriberFile([], [new SubscriberFileDiagnostic($"line {(e.LineNumber ?? 0) + 1}", "bad-json", "the file is not valid JSON")]);
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static SubscriberFile Read(JsonElement root)
    {
        var rows = new List<SubscriberRow>();
        var diagnostics = new List<SubscriberFileDiagnostic>();
        if (root.ValueKind != JsonValueKind.Array)
        {
            diagnostics.Add(new SubscriberFileDiagnostic("file", "bad-json", "the file must hold a JSON array of {\"email\",\"name\"} objects"));
            return new SubscriberFile(rows, diagnostics);
        }

        var index = 0;
        foreach (var item in root.EnumerateArray())
        {
            var location = $"item {++index}";
            if (item.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Add(new SubscriberFileDiagnostic(location, "bad-json", "each item must be an object with an \"email\""));
                continue;
            }

            if (!TryString(item, "email", out var email) | !TryString(item, "name", out var name) | !TryString(item, "status", out var status)
                | !TryTopics(item, out var topics))
            {
                diagnostics.Add(new SubscriberFileDiagnostic(location, "bad-json", "email, name and status must be strings and topics an array of strings"));
                continue;
            }

            var (row, error) = SubscriberFields.Create(location, email, name, status, topics);
            if (row is not null)
            {
                rows.Add(row);
            }
            else
            {
                diagnostics.Add(error!);
            }
        }

        return new SubscriberFile(rows, diagnostics);
    }

    private static bool TryString(JsonElement item, string property, out string? value)
    {
        value = null;
        if (!item.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        value = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return element.ValueKind == JsonValueKind.String;
    }

    private static bool TryTopics(JsonElement item, out List<string>? topics)
    {
        topics = null;
        if (!item.TryGetProperty("topics", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Array || element.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
        {
            return false;
        }

        topics = element.EnumerateArray().Select(t => t.GetString()!).ToList();
        return true;
    }
}
