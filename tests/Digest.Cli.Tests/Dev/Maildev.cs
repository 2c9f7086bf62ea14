using System.Net.Http.Json;
using System.Text.Json;
using Digest.Testing;

namespace Digest.Cli.Tests.Dev;

/// <summary>Reads what the test run's maildev received (its REST API: GET /email).</summary>
internal static class Maildev
{
    private static readonly HttpClient Http = new();

    /// <summary>Recipients of the messages whose subject contains <paramref name="marker"/>, once at least <paramref name="count"/> arrived (plus a moment, to catch extras).</summary>
    public static async Task<IReadOnlyList<string>> WaitForAsync(string marker, int count)
    {
        IReadOnlyList<string> recipients = [];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            recipients = await RecipientsAsync(marker);
            if (recipients.Count >= count)
            {
                await Task.Delay(500);
                return await RecipientsAsync(marker);
            }

            await Task.Delay(100);
        }

        return recipients;
    }

    private static async Task<IReadOnlyList<string>> RecipientsAsync(string marker)
    {
        var all = await Http.GetFromJsonAsync<List<JsonElement>>(new Uri(TestServices.MaildevUrl!, "email"));
        return all!
            .Where(e => e.GetProperty("from").GetRawText().Contains(marker, StringComparison.Ordinal)) // the digest title is the From name
            .Select(e => e.GetProperty("to")[0].GetProperty("address").GetString()!)
            .ToArray();
    }
}
