namespace Digest.Functions.Invocation;

/// <summary>
/// The lines a function reports to the host for one invocation (the response's "Logs"). Kept when the function then
/// fails, so the host's log shows how far it got. Lines never carry email addresses or secrets.
/// </summary>
internal sealed class InvocationLog
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    public void Add(string line) => _lines.Add(line);
}
