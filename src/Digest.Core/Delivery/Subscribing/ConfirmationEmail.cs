using System.Globalization;
using System.Net;

namespace Digest.Core.Delivery.Subscribing;

/// <summary>The double opt-in email: one link, what it does, how long it works, and that ignoring it is safe.</summary>
internal static class ConfirmationEmail
{
    public static EmailContent Content(DigestOptions options, string link, TimeSpan lifetime)
    {
        var title = options.Title;
        var hours = ((int)lifetime.TotalHours).ToString(CultureInfo.InvariantCulture);
        var postal = string.IsNullOrWhiteSpace(options.PostalAddress) ? string.Empty : options.PostalAddress.Trim();
        var text = $"""
            Someone, hopefully you, asked to receive {title} at this address.

            To confirm, open this link and press "Confirm":
            {link}

            The link works for {hours} hours. If you did not ask, ignore this email: you will not be subscribed.

            {postal}
            """;
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)}</title></head>
            <body style="font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;color:#222">
            <p>Someone, hopefully you, asked to receive {WebUtility.HtmlEncode(title)} at this address.</p>
            <p><a href="{WebUtility.HtmlEncode(link)}">Confirm your subscription</a></p>
            <p>The link works for {hours} hours. If you did not ask, ignore this email: you will not be subscribed.</p>
            <p style="color:#666;font-size:.85rem">{WebUtility.HtmlEncode(postal)}</p>
            </body></html>
            """;
        return new EmailContent(options.FromAddress, title, $"Confirm your subscription to {title}", html, text, ["subscribe-confirmation"]);
    }
}
