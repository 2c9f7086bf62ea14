using System.Globalization;

namespace Digest.Core;

/// <summary>"1 story", "3 stories": a count with its noun in the right number, for every summary line.</summary>
public static class Counted
{
    public static string Of(int n, string one, string many) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);
}
