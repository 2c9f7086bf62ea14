using Digest.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace Digest.Functions.Functions.Unsubscribe;

/// <summary>
/// The small HTML pages of the unsubscribe flow (<see cref="HtmlPage"/>: Digest's page style and security headers,
/// never cached). Every dynamic value is HTML-encoded.
/// </summary>
internal static class UnsubscribePage
{
    /// <summary>The confirmation page (GET): a button that POSTs the RFC 8058 one-click body back to the same URL.</summary>
    public static HtmlPage Confirm(string title, string token) =>
        new(StatusCodes.Status200OK, title, "Unsubscribe?", $"""
            <p>Stop receiving {HtmlPage.Encode(title)} at this address?</p>
            <form method="post" action="?token={HtmlPage.Encode(Uri.EscapeDataString(token))}">
            <input type="hidden" name="List-Unsubscribe" value="One-Click">
            <button type="submit">Unsubscribe</button>
            </form>
            """);

    /// <summary>The result page (POST). Identical whether or not the subscriber exists, so it reveals nothing.</summary>
    public static HtmlPage Done(string title) =>
        new(StatusCodes.Status200OK, title, "Unsubscribed", $"<p>You will no longer receive {HtmlPage.Encode(title)}.</p>");

    /// <summary>GET for an address already unsubscribed: nothing to confirm.</summary>
    public static HtmlPage AlreadyDone(string title) =>
        new(StatusCodes.Status200OK, title, "Already unsubscribed", $"<p>You are already unsubscribed: you will no longer receive {HtmlPage.Encode(title)}.</p>");

    /// <summary>A generic refusal: says nothing about which part was wrong or whether any address exists.</summary>
    public static HtmlPage Invalid(string title) =>
        new(StatusCodes.Status400BadRequest, title, "Link not valid", "<p>This unsubscribe link is not valid. Please use the link from the most recent email.</p>");

    /// <summary>Storage failure: try again later (the one-click POST is retried by mail providers).</summary>
    public static HtmlPage Unavailable(string title) =>
        new(StatusCodes.Status500InternalServerError, title, "Please try again", "<p>We could not process the request just now. Please try again later.</p>");
}
