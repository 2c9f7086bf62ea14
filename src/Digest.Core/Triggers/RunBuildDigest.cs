using Digest.Core.Digests;

namespace Digest.Core.Triggers;

/// <summary>
/// How the daily build trigger (<see cref="DailyBuildTrigger"/>) runs the job: <see cref="BuildDigestJob.RunAsync"/> by default. A delegate, not an
/// interface, so the trigger's mapping can be tested on its own while the job is a sealed class.
/// </summary>
public delegate Task<BuildDigestOutcome> RunBuildDigest(DateOnly day, CancellationToken cancellationToken);
