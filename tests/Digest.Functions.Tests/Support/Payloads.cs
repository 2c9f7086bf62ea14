using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Digest.Functions.Tests.Support;

/// <summary>Loads the recorded invocation payloads (Payloads/*.json) and reads handler answers.</summary>
internal static class Payloads
{
    public static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", file));

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>POSTs a payload file to /{function}, as the Functions host does.</summary>
    public static Task<HttpResponseMessage> InvokeAsync(HttpClient client, string function, string file) =>
        client.PostAsync("/" + function, Json(Read(file)));

    /// <summary>Builds the forwarded HTTP request recorded in a file, with {token} replaced.</summary>
    public static HttpRequestMessage ForwardedRequest(string file, string token)
    {
        using var document = JsonDocument.Parse(Read(file));
        var root = document.RootElement;
        var path = root.GetProperty("Path").GetString()!.Replace("{token}", Uri.EscapeDataString(token), StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(root.GetProperty("Method").GetString()!), path);
        foreach (var header in root.GetProperty("Headers").EnumerateObject())
        {
            request.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString()!.Replace("{token}", token, StringComparison.Ordinal));
        }

        if (root.GetProperty("Body").ValueKind == JsonValueKind.String)
        {
            request.Content = new StringContent(root.GetProperty("Body").GetString()!, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(root.GetProperty("ContentType").GetString()!);
        }

        return request;
    }

    /// <summary>The handler's answer, checked against the protocol shape {"Outputs": {}, "Logs": [..], "ReturnValue": ..}.</summary>
    public static async Task<InvocationAnswer> ReadAnswerAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.Equal(["Outputs", "Logs", "ReturnValue"], root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("Logs").ValueKind);
        var logs = root.GetProperty("Logs").EnumerateArray().Select(l => l.GetString()!).ToArray();
        Assert.NotEmpty(logs);
        return new InvocationAnswer((int)response.StatusCode, logs, root.GetProperty("ReturnValue").Clone());
    }
}

/// <summary>A parsed handler answer.</summary>
internal sealed record InvocationAnswer(int Status, IReadOnlyList<string> Logs, JsonElement ReturnValue)
{
    public string AllLogs => string.Join('\n', Logs);
}
