using System.Text.Json;

namespace Digest.Functions.Invocation;

/// <summary>
/// One invocation from the Functions host to the custom handler: <c>{"Data": {binding: value}, "Metadata": {...}}</c>
/// (Azure Functions custom handlers, "Request payload"). Lookups are case-insensitive because the host's casing of
/// metadata keys varies by extension ("sys" vs "Sys", "name" as declared in the trigger path).
/// </summary>
internal sealed class InvocationRequest
{
    private readonly JsonElement _data;
    private readonly JsonElement _metadata;

    private InvocationRequest(JsonElement data, JsonElement metadata)
    {
        _data = data;
        _metadata = metadata;
    }

    /// <summary>Parses the request body. A body that is not a JSON object is a malformed invocation.</summary>
    public static async Task<InvocationRequest> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, default, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new InvocationPayloadException($"The invocation body is not valid JSON ({e.Message}).");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvocationPayloadException("The invocation body must be a JSON object with Data and Metadata.");
            }

            return new InvocationRequest(Section(root, "Data"), Section(root, "Metadata"));
        }
    }

    /// <summary>The value bound to a trigger or input binding name, or null when absent.</summary>
    public JsonElement? Data(string bindingName) => Find(_data, bindingName);

    /// <summary>A trigger metadata value, or null when absent.</summary>
    public JsonElement? Metadata(string key) => Find(_metadata, key);

    /// <summary>
    /// A metadata value as text. The host sends some values JSON-encoded a second time (a string arrives as
    /// <c>"\"name.txt\""</c>; see azure-functions-host issue 5815), so a string that is itself a JSON string is unwrapped.
    /// </summary>
    public string? MetadataText(string key) => Metadata(key) is { } value ? JsonValues.AsText(value) : null;

    private static JsonElement Section(JsonElement root, string name)
    {
        var section = Find(root, name);
        if (section is null || section.Value.ValueKind == JsonValueKind.Null)
        {
            return default;
        }

        var value = JsonValues.Unwrap(section.Value);
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new InvocationPayloadException($"The invocation's {name} must be a JSON object.");
        }

        return value;
    }

    private static JsonElement? Find(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.Clone();
            }
        }

        return null;
    }
}
