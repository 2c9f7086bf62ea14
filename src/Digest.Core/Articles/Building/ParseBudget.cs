namespace Digest.Core.Articles.Building;

/// <summary>
/// The work one input may cost, checked inside every parser's own walk (the YAML event loop, Markdig's block and
/// inline parsing, AngleSharp's tree construction and the tree walks), so no pre-scan a crafted file can fool stands
/// between an input and the bound. The bound is a count of steps, not a time: the same input gives the same outcome on
/// any machine, idle or loaded. A step is one unit of a parser's walk, weighted by what it costs where the cost grows
/// with nesting (an element created at depth d, a Markdown line opened under d open blocks, a Markdown inline marker
/// with d delimiters pending in its paragraph, costs d). Past <see cref="MaxSteps"/> the input is rejected as
/// "too-complex". A wall-clock backstop far above anything the step bound allows (<see cref="Backstop"/>, read on the
/// injected <see cref="TimeProvider"/>'s monotonic timestamp every <see cref="CheckEvery"/> steps) catches only a hang
/// the steps do not see ("too-slow"). Exceeding either throws <see cref="ParseBudgetExceededException"/>, which
/// <see cref="ArticleParser"/> turns into a rejection with the reason.
/// </summary>
internal sealed class ParseBudget
{
    /// <summary>The default work bound: real articles under the size limit use well under a tenth of it.</summary>
    public const long DefaultMaxSteps = 20_000_000;

    /// <summary>The default wall-clock backstop: far above the few seconds the step bound allows on a loaded machine.</summary>
    public static readonly TimeSpan DefaultBackstop = TimeSpan.FromSeconds(60);

    private const int CheckEvery = 32;
    private readonly TimeProvider _time;
    private readonly long _started;
    private int _calls;

    public ParseBudget(long maxSteps, TimeProvider time, TimeSpan backstop)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSteps);
        MaxSteps = maxSteps;
        _time = time;
        Backstop = backstop;
        _started = time.GetTimestamp();
    }

    /// <summary>A budget that never runs out (for code paths with no input to bound).</summary>
    public static ParseBudget Unlimited => new(long.MaxValue, TimeProvider.System, Timeout.InfiniteTimeSpan);

    public long MaxSteps { get; }

    public TimeSpan Backstop { get; }

    /// <summary>The steps spent so far (deterministic for a given input).</summary>
    public long Steps { get; private set; }

    /// <summary>One step of work, weighing <paramref name="weight"/>; every <see cref="CheckEvery"/> calls the clock is read.</summary>
    public void Step(long weight = 1)
    {
        weight = Math.Max(1, weight);
        if (weight > MaxSteps - Steps)
        {
            Steps = MaxSteps;
            throw new ParseBudgetExceededException("too-complex", $"Parsing the input needed more than {MaxSteps:N0} steps (nesting, markup and markers weighed by depth); no real article does, so it was stopped.");
        }

        Steps += weight;

        if (++_calls % CheckEvery == 0)
        {
            CheckTime();
        }
    }

    public void CheckTime()
    {
        if (Backstop != Timeout.InfiniteTimeSpan && _time.GetElapsedTime(_started) > Backstop)
        {
            throw new ParseBudgetExceededException("too-slow", $"Parsing the input took longer than {Backstop.TotalSeconds:0.#} s (the backstop for a hang; the work bound did not catch it), so it was stopped.");
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
