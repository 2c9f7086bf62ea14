using System.Net.Mail;
using System.Text.Json;
using Digest.Core.Delivery;

namespace Digest.Cli.Run;

/// <summary>Reads a subscribers file for `digest run`: a JSON array of {"email","name","status"}.</summary>
internal static class SubscriberFile
{
    public static (IReadOnlyList<Subscriber> Subscribers, IReadOnlyList<string> Problems) Read(string path, DateTimeOffset now)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{path}: expected a JSON array of subscribers.");
        }

        var subscribers = new Dictionary<string, Subscriber>(StringComparer.Ordinal);
        var problems = new List<string>();
        var index = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            index++;
            var email = element.TryGetProperty("email", out var e) ? e.GetString()?.Trim() : null;
            if (email is null || !IsValid(email))
            {
                problems.Add($"entry {index}: not a valid email address");
                continue;
            }

            var name = element.TryGetProperty("name", out var n) ? n.GetString() : null;
            var status = element.TryGetProperty("status", out var s) && Enum.TryParse<SubscriberStatus>(s.GetString(), ignoreCase: true, out var parsed) ? parsed : SubscriberStatus.Active;
            var subscriber = new Subscriber(email, name, status, now, now, []);
            if (!subscribers.TryAdd(subscriber.Key, subscriber))
            {
                problems.Add($"entry {index}: duplicate address, merged");
            }
        }

        return (subscribers.Values.ToArray(), problems);
    }

    private static bool IsValid(string email) =>
        email.Length <= 254
        && !email.Any(char.IsControl)
        && MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.');
}
