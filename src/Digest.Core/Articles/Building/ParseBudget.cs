namespace Digest.Core.Articles.Building;

/// <summary>
/// The time and depth one input may cost, checked inside every parser's own walk (the YAML event loop, Markdig's
/// block and inline parsing, AngleSharp's tree construction and the tree walks), so no pre-scan a crafted file can
/// fool stands between an input and the bound. Exceeding it throws <see cref="ParseBudgetExceededException"/>, which
/// <see cref="ArticleParser"/> turns into a rejection with the reason. Elapsed time comes from the injected
/// <see cref="TimeProvider"/>'s timestamp (a monotonic clock), read once every <see cref="CheckEvery"/> steps.
/// </summary>
internal sealed class ParseBudget
{
    private const int CheckEvery = 32;
    private readonly TimeProvider _time;
    private readonly long _started;
    private int _steps;

    public ParseBudget(TimeProvider time, TimeSpan limit)
    {
        _time = time;
        Limit = limit;
        _started = time.GetTimestamp();
    }

    /// <summary>A budget that never runs out of time (for code paths with no input to bound).</summary>
    public static ParseBudget Unlimited => new(TimeProvider.System, Timeout.InfiniteTimeSpan);

    public TimeSpan Limit { get; }

    /// <summary>One step of work; every <see cref="CheckEvery"/> steps the clock is read.</summary>
    public void Step()
    {
        if (++_steps % CheckEvery == 0)
        {
            CheckTime();
        }
    }

    public void CheckTime()
    {
        if (Limit != Timeout.InfiniteTimeSpan && _time.GetElapsedTime(_started) > Limit)
        {
            throw new ParseBudgetExceededException("too-slow", $"Parsing the input took longer than {Limit.TotalSeconds:0.#} s; no real article needs that, so it was stopped.");
        }
    }

    /// <summary>Throws when <paramref name="depth"/> passes <paramref name="max"/>.</summary>
    public static void CheckDepth(int depth, int max, string what)
    {
        if (depth > max)
        {
            throw new ParseBudgetExceededException("too-deeply-nested", $"The {what} nests more than {max} levels deep; no real article does.");
        }
    }
}
