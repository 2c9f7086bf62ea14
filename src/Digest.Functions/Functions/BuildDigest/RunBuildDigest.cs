using Digest.Core.Digests;

namespace Digest.Functions.Functions.BuildDigest;

/// <summary>
/// How the BuildDigest function runs the job: <see cref="BuildDigestJob.RunAsync"/> by default. A delegate, not an
/// interface, so the function's mapping can be tested on its own while the job is a sealed class.
/// </summary>
public delegate Task<BuildDigestOutcome> RunBuildDigest(DateOnly day, CancellationToken cancellationToken);
