using System.Text;
using Digest.Core.Articles;

namespace Digest.Core.Tests.Articles;

/// <summary>
/// Mutated inputs (fixed seeds, so failures reproduce): the parser must return an article or a rejection, never
/// throw, and never need its last-resort "parser-failed" net, which would mean a bug in Digest's own code.
/// </summary>
public sealed class ParserRobustnessTests
{
    private static readonly (string Name, string Text)[] Samples =
    [
        ("a.txt", "Source: City Wire\nCouncil Passes Budget. Photo: Jane Roe\n(City Wire) - The council approved the budget.\nWhat Comes Next\nSchools get more money."),
        ("a.md", "---\ntitle: \"T\"\nauthor: [a, {name: b}]\n---\n# Head\n\n![alt](x.png \"t\")\n\n*cap*\n\n> quote **bold** [link](http://x)\n\n- item\n\n<div><p>html</p></div>\n"),
        ("a.html", "<!doctype html><html lang=en><head><meta property=og:title content=T><script type=application/ld+json>{\"@type\":\"NewsArticle\",\"author\":[{\"name\":\"A\"}]}</script></head><body><article><h1>T</h1><p>One <b>two</b></p><figure><figcaption>Cap</figcaption></figure><h2>S</h2><p>Three<br><br>Four</p></article></body></html>"),
        ("a.json", "{\"title\":\"T\",\"body\":\"One.\\n\\nTwo.\",\"author\":[\"A\",{\"name\":\"B\"}],\"published\":\"2025-09-02\",\"url\":\"https://x.example\"}"),
        ("b.json", "{\"title\":\"T\",\"sections\":[{\"heading\":\"H\",\"paragraphs\":[\"P\"]}],\"imageCaptions\":[\"C\"],\"language\":\"en\"}"),
    ];

    private const string Specials = "<>[]{}\"':-#*\n/\\&;";

    public static TheoryData<int> Seeds => new() { 1, 2, 3, 4, 5, 6, 7, 8 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Parse_MutatedInputs_ArticleOrRejectionNeverCrash(int seed)
    {
        var random = new Random(seed);
        var parser = new ArticleParser();
        foreach (var (name, text) in Samples)
        {
            var original = Encoding.UTF8.GetBytes(text);
            for (var round = 0; round < 200; round++)
            {
                var bytes = Mutate(original, random);

                var result = parser.Parse(bytes, name);

                Assert.True(result.Succeeded != result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), $"{name} round {round}");
                Assert.DoesNotContain(result.Diagnostics, d => d.Code == "parser-failed");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Parse_RandomBytes_NeverCrash(int seed)
    {
        var random = new Random(seed);
        var parser = new ArticleParser();
        foreach (var name in (string[])["r.txt", "r.md", "r.html", "r.json", "r"])
        {
            var bytes = new byte[random.Next(0, 4096)];
            random.NextBytes(bytes);

            var result = parser.Parse(bytes, name);

            Assert.DoesNotContain(result.Diagnostics, d => d.Code == "parser-failed");
        }
    }

    private static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = new List<byte>(input);
        var edits = random.Next(1, 8);
        for (var i = 0; i < edits && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    bytes.RemoveAt(at);
                    break;
                case 1:
                    bytes.Insert(at, (byte)Specials[random.Next(Specials.Length)]);
                    break;
                case 2:
                    bytes[at] = (byte)random.Next(1, 256);
                    break;
                default:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 20), bytes.Count - at));
                    break;
            }
        }

        return [.. bytes];
    }
}
