using System.Net.Mail;
using System.Text;
using System.Text.Json.Nodes;

namespace Digest.Email.Tests.SendGrid;

/// <summary>SendGrid's documented /v3/mail/send request rules, as the fake server checks them.</summary>
internal static class FakeSendGridValidator
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "x-sg-id", "x-sg-eid", "received", "dkim-signature", "Content-Type", "Content-Transfer-Encoding", "To", "From", "Subject", "Reply-To", "CC", "BCC",
    };

    public static List<(string Message, string? Field)> Validate(JsonObject body, ISet<string> invalid)
    {
        var errors = new List<(string, string?)>();
        if (body["personalizations"] is not JsonArray personalizations || personalizations.Count == 0)
        {
            errors.Add(("The personalizations field is required and must have at least one personalization.", "personalizations"));
            return errors;
        }

        if (personalizations.Count > 1000)
        {
            errors.Add(("The personalizations field may not have more than 1000 personalizations.", "personalizations"));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < personalizations.Count; i++)
        {
            var p = personalizations[i] as JsonObject;
            if (p?["to"] is not JsonArray to || to.Count == 0)
            {
                errors.Add(("The to array is required for all personalization objects, and must have at least one email object with a valid email address.", $"personalizations.{i}.to"));
                continue;
            }

            foreach (var address in to)
            {
                var email = address?["email"]?.GetValue<string>();
                if (email is null || !MailAddress.TryCreate(email, out _) || invalid.Contains(email))
                {
                    errors.Add(("Does not contain a valid address.", $"personalizations.{i}.to"));
                }
                else if (!seen.Add(email))
                {
                    errors.Add(("Each email address in the personalization block should be unique between to, cc, and bcc. We found the first duplicate instance of [redacted] in the personalizations.to field.", $"personalizations.{i}.to"));
                }
            }

            if (p["substitutions"] is JsonObject subs && subs.Sum(s => Encoding.UTF8.GetByteCount(s.Key) + Encoding.UTF8.GetByteCount(s.Value?.GetValue<string>() ?? "")) >= 10_000)
            {
                errors.Add(("The total size of your substitutions must be less than 10000 bytes per personalization object.", $"personalizations.{i}.substitutions"));
            }

            if (p["headers"] is JsonObject headers && headers.Any(h => Reserved.Contains(h.Key) || (h.Value?.GetValue<string>() ?? "").IndexOfAny(['\r', '\n']) >= 0))
            {
                errors.Add(("The headers must not be reserved headers or contain line breaks.", $"personalizations.{i}.headers"));
            }
        }

        if (body["from"]?["email"]?.GetValue<string>() is not { } from || !MailAddress.TryCreate(from, out _))
        {
            errors.Add(("The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.", "from"));
        }

        if (string.IsNullOrEmpty(body["subject"]?.GetValue<string>()))
        {
            errors.Add(("The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.", "subject"));
        }

        ValidateContent(body, errors);
        if (body["categories"] is JsonArray categories && categories.Count > 10)
        {
            errors.Add(("You cannot have more than 10 categories per request.", "categories"));
        }

        return errors;
    }

    public static IEnumerable<string> Recipients(JsonObject body) =>
        body["personalizations"]!.AsArray().SelectMany(p => p!["to"]!.AsArray().Select(t => t!["email"]!.GetValue<string>()));

    private static void ValidateContent(JsonObject body, List<(string, string?)> errors)
    {
        if (body["content"] is not JsonArray content || content.Count == 0)
        {
            errors.Add(("Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block.", "content"));
            return;
        }

        var types = content.Select(c => c?["type"]?.GetValue<string>()).ToList();
        if (content.Any(c => string.IsNullOrEmpty(c?["value"]?.GetValue<string>())))
        {
            errors.Add(("The content value must be a string at least one character in length.", "content.value"));
        }

        var plain = types.IndexOf("text/plain");
        if (plain > 0)
        {
            errors.Add(("If present, text/plain content must be first, followed by text/html, followed by any other content.", "content.type"));
        }
    }
}
