using System.Text.Json;

namespace Digest.Email.SendGrid;

/// <summary>One entry of SendGrid's error body <c>{"errors":[{"message","field","help"}]}</c>.</summary>
/// <param name="Message">SendGrid's message.</param>
/// <param name="Field">The request field it blames ("from", "personalizations.3.to"), if any.</param>
public sealed record SendGridError(string? Message, string? Field = null)
{
    /// <summary>
    /// Every error of an error body. The SDK's own error handling (HttpErrorAsException) keeps only the first error,
    /// and a 400 that blames several personalizations needs all of them. A body that is not SendGrid's error JSON (a
    /// proxy's HTML page, say) becomes one error with a short excerpt.
    /// </summary>
    public static IReadOnlyList<SendGridError> Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array
                && errors.GetArrayLength() > 0)
            {
                return errors.EnumerateArray()
                    .Where(e => e.ValueKind == JsonValueKind.Object)
                    .Select(e => new SendGridError(Text(e, "message"), Text(e, "field")))
                    .ToList();
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through to the excerpt.
        }

        var excerpt = body.Length > 200 ? body[..200] : body;
        return string.IsNullOrWhiteSpace(excerpt) ? [] : [new SendGridError(excerpt.ReplaceLineEndings(" "))];
    }

    private static string? Text(JsonElement error, string name) =>
        error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
