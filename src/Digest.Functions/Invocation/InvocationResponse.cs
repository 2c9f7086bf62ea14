namespace Digest.Functions.Invocation;

/// <summary>
/// The custom handler's answer to the host: <c>{"Outputs": {...}, "Logs": [...], "ReturnValue": ...}</c>.
/// None of these functions has output bindings, so Outputs is empty and ReturnValue null; the host writes Logs to the
/// invocation's log stream (Application Insights).
/// </summary>
internal sealed record InvocationResponse(IReadOnlyDictionary<string, string> Outputs, IReadOnlyList<string> Logs, string? ReturnValue)
{
    public static InvocationResponse WithLogs(IReadOnlyList<string> logs) => new(new Dictionary<string, string>(), logs, null);
}
