using System.Text.Json;

namespace Digest.Functions.Invocation;

/// <summary>
/// Tolerant reading of values the Functions host passes either as JSON or as a JSON document inside a string
/// (queue messages, timer info and blob properties arrive both ways depending on the host and extension version).
/// </summary>
internal static class JsonValues
{
    /// <summary>If the value is a string holding a JSON object, array or string, returns that parsed value; else the value.</summary>
    public static JsonElement Unwrap(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return value;
        }

        var text = value.GetString()!.Trim();
        if (text.Length < 2 || !(text[0] is '{' or '[' or '"'))
        {
            return value;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return value;
        }
    }

    /// <summary>A scalar as text (strings unwrapped once more if double-encoded); objects and arrays as raw JSON.</summary>
    public static string AsText(JsonElement value)
    {
        var unwrapped = Unwrap(value);
        return unwrapped.ValueKind switch
        {
            JsonValueKind.String => unwrapped.GetString()!,
            JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
            _ => unwrapped.GetRawText(),
        };
    }

    /// <summary>A named property of an object (case-insensitive), or null.</summary>
    public static JsonElement? Property(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
