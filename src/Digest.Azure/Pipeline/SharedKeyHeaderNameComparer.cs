namespace Digest.Azure.Pipeline;

/// <summary>
/// Orders lower-case x-ms-* header names for the Shared Key signature. The service (and Azurite, which uses a
/// locale-aware comparison) sorts punctuation before digits and digits before letters, so plain ordinal order is wrong
/// for metadata names that differ by '_' versus a digit (ordinal puts '0'-'9' before '_'). Header names here are
/// limited to lower-case letters, digits, '-' and '_' (metadata names are validated as C# identifiers).
/// </summary>
internal sealed class SharedKeyHeaderNameComparer : IComparer<string>
{
    public static SharedKeyHeaderNameComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            var diff = Rank(x[i]) - Rank(y[i]);
            if (diff != 0)
            {
                return diff;
            }
        }

        return x.Length - y.Length;
    }

    private static int Rank(char c) => c switch
    {
        '_' => 1,
        '-' => 2,
        >= '0' and <= '9' => 10 + (c - '0'),
        _ => 100 + c,
    };
}
