using System.IO.Compression;
using System.Text;

namespace Digest.Testing;

/// <summary>One generated hostile input: a file name and its bytes.</summary>
public sealed record HostileInput(string Name, byte[] Bytes)
{
    public override string ToString() => $"{Name} ({Bytes.Length:N0} bytes)";
}

/// <summary>
/// The hostile corpus of issue 12, generated (nothing large is committed): encodings, nesting, sizes, archives under
/// text names, YAML and JSON bombs, hostile HTML and links, control and bidi characters, and header injection in every
/// field that reaches an email header (title, outlet, byline). File-name and link cases live in the CLI test, which
/// writes these into a folder. Every name here is a plain, distinct ASCII file name.
/// </summary>
public static class HostileCorpus
{
    public const long DefaultLimit = 10 * 1024 * 1024;

    private const string Story = "The harbour bridge reopened on Tuesday after two years of repairs, the city council said in a statement.";

    public static IReadOnlyList<HostileInput> Generate(long limit = DefaultLimit)
    {
        var inputs = new List<HostileInput>();
        void Add(string name, byte[] bytes) => inputs.Add(new HostileInput(name, bytes));
        void Text(string name, string text) => Add(name, Encoding.UTF8.GetBytes(text));
        static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

        // Encodings.
        var article = "Café “Crème” Reopens In 日本\n\n" + Story;
        Add("enc-utf16le-nobom.txt", Encoding.Unicode.GetBytes(article));
        Add("enc-utf16be-nobom.txt", Encoding.BigEndianUnicode.GetBytes(article));
        Add("enc-utf32le-nobom.txt", new UTF32Encoding(false, false).GetBytes(article));
        Add("enc-utf8-bom-then-utf16.txt", [0xEF, 0xBB, 0xBF, .. Encoding.Unicode.GetBytes(article)]);
        Add("enc-mixed-utf8-1252.txt", [.. Encoding.UTF8.GetBytes("Café In 日本 Reopens\n\nThe café "), 0x93, 0xE9, 0x94, .. Encoding.UTF8.GetBytes(" in 日本. " + Story)]);
        Add("enc-overlong-utf8.txt", [.. "Overlong Slash Story\n\nA path "u8, 0xC0, 0xAF, 0xE0, 0x80, 0xAF, 0xF0, 0x80, 0x80, 0xAF, .. Encoding.UTF8.GetBytes(" end. " + Story)]);
        Add("enc-encoded-surrogates.txt", [.. "Surrogate Story\n\nHalf "u8, 0xED, 0xA0, 0x80, 0xED, 0xB0, 0x80, .. Encoding.UTF8.GetBytes(" end. " + Story)]);
        Add("enc-nul-bytes.txt", Encoding.UTF8.GetBytes("Nul Story\0\0\n\nA\0B\0C " + Story));
        Add("enc-only-nuls.txt", new byte[4096]);
        Add("enc-shift-jis-meta.html", Encoding.GetEncoding("us-ascii").GetBytes("<html><head><meta charset=\"shift_jis\"><title>x</title></head><body><h1>")
            .Concat(System.Text.CodePagesEncodingProvider.Instance.GetEncoding("shift_jis")!.GetBytes("日本の首相が辞任</h1><p>首相は火曜日に辞任を発表した。</p></body></html>")).ToArray());
        Add("enc-bogus-meta-charset.html", Encoding.UTF8.GetBytes("<html><head><meta charset=\"x-no-such-charset\"><title>Bogus Charset Story</title></head><body><p>" + Story + "</p></body></html>"));

        // Nesting.
        Text("nest-html-divs.html", "<html><body><h1>Deep Divs</h1>" + Repeat("<div>", 100_000) + "<p>deep</p></body></html>");
        Text("nest-html-attribute-lt.html", "<html><body><h1>T</h1>" + Repeat("<div title=\"<script>\">", 50_000) + "<p>deep</p></body></html>");
        Text("nest-html-attribute-comment.html", "<html><body><h1>T</h1>" + Repeat("<div title=\"<!--\">", 50_000) + "<p>deep</p></body></html>");
        Text("nest-html-empty-comment.html", "<html><body><h1>T</h1><!-->" + Repeat("<div>", 50_000) + "<p>deep</p></body></html>");
        Text("nest-html-tables.html", "<html><body><h1>T</h1>" + Repeat("<table><tr><td>", 20_000) + "x</body></html>");
        Text("nest-html-formatting.html", "<html><body><h1>T</h1>" + Repeat("<b><i><u>", 30_000) + "x</body></html>");
        Text("nest-html-unclosed-p-li.html", "<html><body><h1>Sloppy But Fine</h1>" + Repeat("<p>para <li>item ", 20_000) + "</body></html>");
        Text("nest-md-quotes.md", "# Title\n\n" + Repeat("> ", 100_000) + "deep\n");
        Text("nest-md-quote-lines.md", "# Title\n\n" + string.Concat(Enumerable.Range(1, 2_000).Select(i => Repeat(">", i) + " line\n")));
        Text("nest-md-lists-one-line.md", "# Title\n\n" + Repeat("- ", 50_000) + "deep\n");
        Text("nest-md-lists-indented.md", "# Title\n\n" + string.Concat(Enumerable.Range(0, 1_500).Select(i => new string(' ', i * 2) + "- item " + i + "\n")));
        Text("nest-md-html-block.md", "# Title\n\nSome text.\n\n" + Repeat("<div title=\"<!--\">", 50_000) + "deep\n");
        Text("nest-md-brackets.md", "# Title\n\n" + Repeat("[", 200_000) + " deep");
        Text("nest-md-emphasis.md", "# Title\n\n" + Repeat("*a _b ", 200_000));
        Text("nest-md-backticks.md", "# Title\n\n" + Repeat("`a ``b ", 150_000));
        Text("nest-json-arrays.json", "{\"title\":\"Deep\",\"body\":" + Repeat("[", 100_000) + "}");
        Text("nest-json-objects.json", "{\"title\":\"Deep\",\"body\":" + Repeat("{\"a\":", 100_000) + "1}");

        // Sizes.
        var paragraph = Story + "\n\n";
        var body = new StringBuilder("Just Under The Size Limit\n\n");
        while (body.Length + paragraph.Length < limit - 1)
        {
            body.Append(paragraph);
        }

        body.Append(new string('x', (int)(limit - 1 - body.Length)));
        Text("size-just-under.txt", body.ToString());
        Text("size-just-over.txt", body.Append("yy").ToString());
        Text("size-one-long-line.txt", "Long Line Story\n\n" + new string('w', (int)(limit / 4)));
        Text("size-only-newlines.txt", new string('\n', (int)(limit / 4)));
        Text("size-many-short-lines.md", "# Title\n\n" + Repeat("a\n", (int)(limit / 16)));

        // Archives under text names.
        Add("archive-zip.txt", Zip("story.txt", Encoding.UTF8.GetBytes("Zipped Story\n\n" + Story)));
        Add("archive-zip-bomb.md", Zip("zeros.txt", new byte[50 * 1024 * 1024]));
        Add("archive-gzip.md", Gzip(Encoding.UTF8.GetBytes("# Gzipped Story\n\n" + Story)));
        Add("archive-gzip-zeros.txt", Gzip(new byte[20 * 1024 * 1024]));

        // YAML and JSON bombs.
        var laughs = new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'j'; level++)
        {
            var previous = (char)(level - 1);
            laughs.Append(level).Append(": &").Append(level).Append(" [").Append(string.Join(',', Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }

        Text("bomb-yaml-billion-laughs.md", laughs + "title: *j\nauthor: *j\nsource: *j\n---\n# Laughs\n\n" + Story);
        Text("bomb-yaml-deep-block.md", "---\ntitle: x\ntags:\n" + Repeat("- ", 30_000) + "deep\n---\n# Title\n\n" + Story);
        Text("bomb-yaml-deep-block-no-heading.md", "---\ntitle: x\ntags:\n" + Repeat("- ", 30_000) + "deep\n---\n" + Story);
        Text("bomb-yaml-deep-flow.md", "---\ntitle: " + Repeat("[", 30_000) + "\n---\n# Title\n\n" + Story);
        Text("bomb-yaml-deep-mappings.md", "---\n" + string.Concat(Enumerable.Range(0, 500).Select(i => new string(' ', i) + "k" + i + ":\n")) + "---\n# Title\n\n" + Story);
        Text("bomb-yaml-many-keys.md", "---\n" + string.Concat(Enumerable.Range(0, 6_000).Select(i => $"k{i}: v\n")) + "---\n# Title\n\n" + Story);
        Text("bomb-yaml-tags.md", "---\ntitle: !!python/object/apply:os.system [\"echo pwned\"]\nsource: !<tag:yaml.org,2002:js/function> 'function(){}'\n---\n# Tagged\n\n" + Story);
        Text("bomb-yaml-unclosed.md", "---\ntitle: \"unclosed\n" + Repeat("x: [", 1_000));
        Text("bomb-json-long-string.json", "{\"title\":\"Long\",\"body\":\"" + new string('a', (int)(limit / 4)) + "\"}");
        Text("bomb-json-many-keys.json", "{\"title\":\"Keys\",\"body\":\"" + Story + "\"," + string.Join(',', Enumerable.Range(0, 50_000).Select(i => $"\"k{i}\":{i}")) + "}");
        Text("bomb-json-duplicate-keys.json", "{\"title\":\"First\",\"title\":\"Second\",\"body\":\"" + Story + "\"}");
        Text("bomb-json-escapes.json", "{\"title\":\"" + Repeat("\\u0000\\ud800", 50_000) + "Escaped\",\"body\":\"" + Story + "\"}");

        // Hostile HTML and links.
        Text("html-script-handlers.html", """
            <html><head><title>Scripted Story</title><base href="javascript:alert(1)//">
            <meta http-equiv="refresh" content="0;url=javascript:alert(1)">
            <meta property="og:url" content="javascript:alert(1)"><link rel="canonical" href="data:text/html,<script>alert(1)</script>">
            <style>body{background:expression(alert(1))}</style></head>
            <body onload="alert(1)"><article><h1 onclick="alert(1)">Scripted <script>alert(1)</script>Story</h1>
            <p onmouseover="alert(1)">The harbour <a href="javascript:alert(1)">bridge</a> reopened <img src=x onerror=alert(1)> on Tuesday.</p>
            <iframe srcdoc="<script>alert(1)</script>"></iframe><svg onload="alert(1)"><script>alert(1)</script><a xlink:href="javascript:alert(1)">svg link</a></svg>
            <math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>
            <p style="width:expression(alert(1))">After repairs, the city said. &lt;script&gt;alert(1)&lt;/script&gt;</p>
            <noscript><p title="</noscript><img src=x onerror=alert(1)>">x</p></noscript><template><script>alert(1)</script></template>
            </article></body></html>
            """);
        Text("html-data-url-jsonld.html", """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"JSON-LD <script>alert(1)</script> Story","url":"javascript:alert(1)","author":{"name":"Eve\r\nBcc: victim@example.com"},"publisher":{"name":"Evil\r\nX-Injected: 1"}}</script></head>
            <body><p>The harbour bridge reopened on Tuesday after two years of repairs, the city council said.</p></body></html>
            """);
        Text("links-markdown.md", "---\ntitle: Linked Story\nurl: javascript:alert(1)\n---\n# Linked Story\n\n[click](javascript:alert(1)) <javascript:alert(1)> [data](data:text/html;base64,PHNjcmlwdD4=) ![x](javascript:alert(1) \"t\")\n\n<img src=x onerror=alert(1)><script>alert(1)</script><a href=\"vbscript:msgbox\">v</a>\n\n" + Story + "\n");
        Text("links-json.json", "{\"title\":\"Json <script>alert(1)</script> Story\",\"url\":\"javascript:alert(1)\",\"body\":\"<a href='javascript:alert(1)' onclick='alert(1)'>x</a> " + Story + "\"}");
        Text("links-text.txt", "Text Link Story\nSource: <script>alert(1)</script>\nURL: javascript:alert(1)\n\njavascript:alert(1) data:text/html,<script>alert(1)</script> " + Story);

        // Control and bidi characters.
        Text("bidi-control.txt", "Bidi \u202Egnp.exe\u202C Story \u2066x\u2069\u0001\u0007\u001B[31m\n\nBody \u0000\u0008\u000B\u000C\u007F\u0085\u2028\u2029 \u200B\u200D\uFEFF " + Story);
        Text("bidi-control.md", "---\ntitle: \"Bidi \\u202E gnp \\x1B[2J Story\"\nsource: \"Out\\u2028let\"\nauthor: \"By\\u0085line\"\n---\n" + Story);

        // Header injection: every field that reaches an email header (title, outlet, byline), in every format.
        Text("header-injection.json", "{\"title\":\"Injected\\r\\nBcc: victim@example.com\\r\\n\\r\\n<b>body</b>\",\"source\":\"Outlet\\r\\nX-Evil: 1\",\"byline\":\"By\\nTo: victim@example.com\",\"body\":\"" + Story + "\"}");
        Text("header-injection.md", "---\ntitle: \"Injected\\r\\nBcc: victim@example.com\"\nsource: \"Outlet\\rX-Evil: 1\"\nauthor: \"By\\u000d\\u000aTo: victim@example.com\"\n---\n" + Story);
        Text("header-injection.html", "<html><head><meta property=\"og:title\" content=\"Injected&#13;&#10;Bcc: victim@example.com\"><meta property=\"og:site_name\" content=\"Outlet&#x0D;X-Evil: 1\"><meta name=\"author\" content=\"By&NewLine;To: victim@example.com\"></head><body><p>" + Story + "</p></body></html>");
        Text("header-injection.txt", "Injected\rBcc: victim@example.com\nSource: Outlet\rX-Evil: 1\nBy Eve\rTo: victim@example.com\n\n" + Story);
        Text("header-injection-unicode.json", "{\"title\":\"Injected\\u2028Bcc: victim@example.com\\u0085X: 1\",\"source\":\"Out\\u000blet\",\"byline\":\"By\\u000cline\",\"body\":\"" + Story + "\"}");

        // Binary-ish and empty.
        Add("bin-random.txt", RandomBytes(64 * 1024, 12));
        Add("bin-png.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. RandomBytes(1024, 13)]);
        Add("bin-pdf.html", [.. "%PDF-1.7\n"u8, .. RandomBytes(1024, 14)]);
        Add("bin-empty.json", []);
        Text("bin-whitespace.txt", " \t\r\n \u00A0\u3000\n");

        return inputs;
    }

    private static byte[] Zip(string entryName, byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(entryName, CompressionLevel.SmallestSize).Open();
            entry.Write(content);
        }

        return buffer.ToArray();
    }

    private static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
