using Digest.Core.Articles.Building;
using Digest.Core.Articles.Formats;
using Digest.Core.Articles.Formats.Html;
using Digest.Core.Articles.Text;
using Microsoft.Extensions.Options;

namespace Digest.Core.Articles;

/// <summary>
/// Facade over the format parsers: checks the size, decodes the bytes (<see cref="TextDecoder"/>), normalises the
/// text, detects the format and hands it to that format's parser, then validates and hashes the result.
/// Bad input never throws: it comes back as an <see cref="ArticleParseResult"/> with error diagnostics.
/// Stateless and thread-safe; one instance serves the whole process.
/// </summary>
public sealed class ArticleParser
{
    public ArticleParser()
        : this(new DigestOptions().MaxArticleBytes)
    {
    }

    public ArticleParser(IOptions<DigestOptions> options)
        : this(options.Value.MaxArticleBytes)
    {
    }

    /// <param name="maxArticleBytes">Inputs larger than this are rejected as "too-large" before they are decoded.</param>
    public ArticleParser(long maxArticleBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxArticleBytes);
        MaxArticleBytes = maxArticleBytes;
    }

    /// <summary>The size limit in bytes (<see cref="DigestOptions.MaxArticleBytes"/>, default 10 MiB).</summary>
    public long MaxArticleBytes { get; }

    /// <param name="content">The uploaded bytes.</param>
    /// <param name="sourceName">File or blob name; its extension helps detect the format.</param>
    /// <param name="contentType">MIME type, when the upload declared one (a charset parameter is honoured).</param>
    public ArticleParseResult Parse(ReadOnlyMemory<byte> content, string sourceName, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        var diagnostics = new DiagnosticBag();
        if (content.Length > MaxArticleBytes)
        {
            return diagnostics.Reject("too-large", $"The input is {content.Length:N0} bytes; the limit is {MaxArticleBytes:N0} bytes (Digest:MaxArticleBytes).");
        }

        if (content.IsEmpty)
        {
            return diagnostics.Reject("empty-input", "The input is empty.");
        }

        var decoded = TextDecoder.Decode(content.Span, contentType, diagnostics, out var error);
        if (decoded is null)
        {
            return new ArticleParseResult(null, [.. diagnostics.Items, error!]);
        }

        var text = TextNormalizer.NormalizeDocument(decoded);
        if (string.IsNullOrWhiteSpace(text))
        {
            return diagnostics.Reject("empty-input", "The input contains only white space.");
        }

        var format = FormatDetector.Detect(contentType, sourceName, text);
        try
        {
            return ParseAs(format, text, sourceName, diagnostics);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // A parser library failing on hostile input is still bad input, not an infrastructure failure:
            // the upload is quarantined with the reason instead of being retried forever.
            return diagnostics.Reject("parser-failed", $"The {format} parser could not read the input: {e.GetType().Name}: {e.Message}");
        }
    }

    private static ArticleParseResult ParseAs(ArticleFormat format, string text, string sourceName, DiagnosticBag diagnostics)
    {
        DraftResult draft = format switch
        {
            ArticleFormat.Markdown => MarkdownArticleParser.Parse(text, diagnostics),
            ArticleFormat.Html => HtmlArticleParser.Parse(text, diagnostics),
            ArticleFormat.Json => JsonArticleParser.Parse(text, diagnostics),
            _ => (DraftResult)PlainTextParser.Parse(text, diagnostics),
        };
        return draft.Rejection ?? ArticleBuilder.Build(draft.Draft!, sourceName, format, diagnostics);
    }
}
