namespace Digest.Core.Articles;

/// <summary>A day, or a run of days ("last April"), that an article's text names; <see cref="From"/> = <see cref="To"/> for one day.</summary>
public sealed record DayRange(DateOnly From, DateOnly To);
