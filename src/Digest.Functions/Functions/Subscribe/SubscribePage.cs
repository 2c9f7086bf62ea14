using Digest.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace Digest.Functions.Functions.Subscribe;

/// <summary>
/// The pages of the double opt-in flow (<see cref="HtmlPage"/>: Digest's page style and security headers, never
/// cached). Every dynamic value is HTML-encoded. <see cref="CheckInbox"/> is the one answer to every accepted request,
/// so the form never tells whether an address is already subscribed.
/// </summary>
internal static class SubscribePage
{
    public static HtmlPage Form(string title, int status = StatusCodes.Status200OK, string? problem = null) =>
        new(status, title, "Subscribe", $"""
            <p>Get {HtmlPage.Encode(title)} by email. We will send you a link to confirm.</p>
            {(problem is null ? string.Empty : $"<p role=\"alert\">{HtmlPage.Encode(problem)}</p>")}
            <form method="post" action="/{SubscribeFunction.Route}">
            <p><label>Email <input type="email" name="email" required maxlength="254" autocomplete="email"></label></p>
            <p><label>Name (optional) <input type="text" name="name" maxlength="256" autocomplete="name"></label></p>
            <button type="submit">Subscribe</button>
            </form>
            """);

    public static HtmlPage CheckInbox(string title) =>
        new(StatusCodes.Status200OK, title, "Check your inbox", $"<p>If the address can receive {HtmlPage.Encode(title)}, a confirmation link is on its way. Open it to start your subscription; it works for 48 hours.</p>");

    public static HtmlPage Invalid(string title) =>
        Form(title, StatusCodes.Status400BadRequest, "That does not look like an email address (or the name has characters we cannot use). Please check it.");

    public static HtmlPage TooMany(string title) =>
        new(StatusCodes.Status429TooManyRequests, title, "Please try again later", "<p>There were too many subscribe requests from your network in the last hour. Please try again later.</p>");

    /// <summary>GET of a valid link: a button, because link scanners and previews fetch links.</summary>
    public static HtmlPage Confirm(string title, string token) =>
        new(StatusCodes.Status200OK, title, "Confirm your subscription", $"""
            <p>Receive {HtmlPage.Encode(title)} at this address?</p>
            <form method="post" action="?token={HtmlPage.Encode(Uri.EscapeDataString(token))}">
            <button type="submit">Confirm</button>
            </form>
            """);

    public static HtmlPage Confirmed(string title) =>
        new(StatusCodes.Status200OK, title, "You are subscribed", $"<p>Thank you. {HtmlPage.Encode(title)} will arrive with the next edition. Every email has a link to unsubscribe.</p>");

    public static HtmlPage LinkInvalid(string title) =>
        new(StatusCodes.Status400BadRequest, title, "Link not valid", $"""<p>This confirmation link is not valid, or it was already used or replaced by a newer one. Nothing was changed. To subscribe, <a href="/{SubscribeFunction.Route}">ask for a new link</a>.</p>""");

    public static HtmlPage LinkExpired(string title) =>
        new(StatusCodes.Status400BadRequest, title, "Link expired", $"""<p>This confirmation link has expired. Nothing was changed. To subscribe, <a href="/{SubscribeFunction.Route}">ask for a new link</a>.</p>""");

    public static HtmlPage Unavailable(string title) =>
        new(StatusCodes.Status503ServiceUnavailable, title, "Please try again", "<p>We could not process the request just now. Please try again in a few minutes.</p>");
}
