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

    public ArticleParser(IOptions<DigestOptions> options, TimeProvider time)
        : this(options.Value.MaxArticleBytes, time: time)
    {
    }

    /// <param name="maxArticleBytes">Inputs larger than this are rejected as "too-large" before they are decoded.</param>
    /// <param name="maxSteps">The work one input's parse may cost (<see cref="ParseBudget"/>) before it is rejected as "too-complex".</param>
    /// <param name="backstop">The wall-clock backstop for a hang the steps do not see ("too-slow"), far above the step bound.</param>
    /// <param name="time">The clock the backstop is measured on (its monotonic timestamp); the system clock when null.</param>
    public ArticleParser(long maxArticleBytes, long? maxSteps = null, TimeSpan? backstop = null, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxArticleBytes);
        MaxArticleBytes = maxArticleBytes;
        MaxSteps = maxSteps ?? ParseBudget.DefaultMaxSteps;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxSteps);
        Backstop = backstop ?? ParseBudget.DefaultBackstop;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Runs every format parser once per process on a tiny sample, outside any budget: the first parse of a format
    /// compiles its code (AngleSharp, Markdig, YamlDotNet), which on a loaded machine can take longer than the whole
    /// backstop on a very loaded machine, and a legitimate first article must not be rejected for that.
    /// </summary>
    private static readonly Lazy<bool> WarmedUp = new(() =>
    {
        var unlimited = ParseBudget.Unlimited;
        foreach (var (format, sample) in (ReadOnlySpan<(ArticleFormat, string)>)[
            (ArticleFormat.Markdown, "---\ntitle: T\n---\n# T\n\n- a *b* [c](https://x.example)\n\n<div>d</div>\n"),
            (ArticleFormat.Html, "<html><head><meta property=og:title content=T></head><body><article><h1>T</h1><p>Body.</p></article></body></html>"),
            (ArticleFormat.Json, "{\"title\":\"T\",\"body\":\"Body.\"}"),
            (ArticleFormat.PlainText, "T\n\nBody.")])
        {
            ParseAs(format, TextNormalizer.NormalizeDocument(sample), "warm-up", new DiagnosticBag(), unlimited);
        }

        return true;
    });

    private readonly TimeProvider _time;

    /// <summary>The work one input's parse may cost, in <see cref="ParseBudget"/> steps (default 20 million).</summary>
    public long MaxSteps { get; }

    /// <summary>The wall-clock backstop per input (default 60 s): only a hang the step count misses reaches it.</summary>
    public TimeSpan Backstop { get; }

    /// <summary>The size limit in bytes (<see cref="DigestOptions.MaxArticleBytes"/>, default 10 MiB).</summary>
    public long MaxArticleBytes { get; }

    /// <param name="content">The uploaded bytes.</param>
    /// <param name="sourceName">File or blob name; its extension helps detect the format.</param>
    /// <param name="contentType">MIME type, when the upload declared one (a charset parameter is honoured).</param>
    public ArticleParseResult Parse(ReadOnlyMemory<byte> content, string sourceName, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        _ = WarmedUp.Value;
        var diagnostics = new DiagnosticBag();
        if (content.Length > MaxArticleBytes)
        {
            return diagnostics.Reject("too-large", $"The input is {content.Length:N0} bytes; the limit is {MaxArticleBytes:N0} bytes (Digest:MaxArticleBytes).");
        }

        var budget = new ParseBudget(MaxSteps, _time, Backstop);
        return ParseWithin(content, sourceName, contentType, diagnostics, budget) with { Steps = budget.Steps };
    }

    private static ArticleParseResult ParseWithin(ReadOnlyMemory<byte> content, string sourceName, string? contentType, DiagnosticBag diagnostics, ParseBudget budget)
    {
        if (content.IsEmpty)
        {
            return diagnostics.Reject("empty-input", "The input is empty.");
        }

        var decoded = TextDecoder.Decode(content.Span, contentType, diagnostics, out var error);
        if (decoded is null)
        {
            return new ArticleParseResult(null, [.. diagnostics.Items, error!]);
        }

        string text;
        try
        {
            text = TextNormalizer.NormalizeDocument(decoded, budget);
        }
        catch (ParseBudgetExceededException e)
        {
            return diagnostics.Reject(e.Code, e.Message);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return diagnostics.Reject("empty-input", "The input contains only white space.");
        }

        var format = FormatDetector.Detect(contentType, sourceName, text);
        try
        {
            return ParseAs(format, text, sourceName, diagnostics, budget);
        }
        catch (ParseBudgetExceededException e)
        {
            return diagnostics.Reject(e.Code, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // A parser library failing on hostile input is still bad input, not an infrastructure failure:
            // the upload is quarantined with the reason instead of being retried forever.
            return diagnostics.Reject("parser-failed", $"The {format} parser could not read the input: {e.GetType().Name}: {e.Message}");
        }
    }

    private static ArticleParseResult ParseAs(ArticleFormat format, string text, string sourceName, DiagnosticBag diagnostics, ParseBudget budget)
    {
        var draft = ArticleFormats.Of(format).Parse(text, diagnostics, budget);
        return draft.Rejection ?? ArticleBuilder.Build(draft.Draft!, sourceName, format, diagnostics);
    }
}
