namespace Digest.Functions.Invocation;

/// <summary>
/// The host's invocation payload lacks what the function needs (answered 400). Distinct from a bad queue message or
/// article, which are data the function handles, and from infrastructure failures, which are answered 500.
/// </summary>
internal sealed class InvocationPayloadException(string message) : Exception(message);
