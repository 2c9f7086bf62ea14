namespace Digest.Core.Stories;

/// <summary>
/// The name a source is cited by: the outlet the article names, else one derived from its link's host (a readable
/// name for well-known hosts, otherwise the host without "www."), else null (shown as "Unknown source"). The one
/// place outlets are derived; parsers keep only what the input states.
/// </summary>
public static class OutletName
{
    /// <summary>Well-known hosts (and their subdomains) and how readers know them.</summary>
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bbc.co.uk"] = "BBC News", ["bbc.com"] = "BBC News", ["nytimes.com"] = "The New York Times",
        ["washingtonpost.com"] = "The Washington Post", ["theguardian.com"] = "The Guardian", ["reuters.com"] = "Reuters",
        ["apnews.com"] = "AP News", ["cnn.com"] = "CNN", ["foxnews.com"] = "Fox News", ["huffpost.com"] = "HuffPost",
        ["huffingtonpost.com"] = "HuffPost", ["wsj.com"] = "The Wall Street Journal", ["bloomberg.com"] = "Bloomberg",
        ["npr.org"] = "NPR", ["nbcnews.com"] = "NBC News", ["cbsnews.com"] = "CBS News", ["abcnews.go.com"] = "ABC News",
        ["usatoday.com"] = "USA Today", ["latimes.com"] = "Los Angeles Times", ["politico.com"] = "Politico",
        ["aljazeera.com"] = "Al Jazeera", ["ft.com"] = "Financial Times", ["economist.com"] = "The Economist",
        ["independent.co.uk"] = "The Independent", ["telegraph.co.uk"] = "The Telegraph", ["dw.com"] = "DW",
        ["france24.com"] = "France 24", ["lemonde.fr"] = "Le Monde", ["spiegel.de"] = "Der Spiegel",
        ["breitbart.com"] = "Breitbart", ["thehill.com"] = "The Hill", ["axios.com"] = "Axios",
        ["scmp.com"] = "South China Morning Post", ["theatlantic.com"] = "The Atlantic", ["time.com"] = "Time",
        ["newsweek.com"] = "Newsweek", ["nypost.com"] = "New York Post", ["cnbc.com"] = "CNBC",
    };

    public static string? Of(string? outlet, Uri? url)
    {
        if (!string.IsNullOrWhiteSpace(outlet)) return outlet.Trim();
        if (url is not { IsAbsoluteUri: true, Host.Length: > 0 } || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)) return null;
        var host = url.IdnHost.TrimEnd('.').ToLowerInvariant();
        for (var h = host; h.Contains('.'); h = h[(h.IndexOf('.') + 1)..])
        {
            if (Known.TryGetValue(h, out var name)) return name;
        }

        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
