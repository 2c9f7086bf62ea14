namespace Digest.Cli.Run;

/// <summary>One entry of the INPUT arguments: a file to read, or an entry refused before reading, with why.</summary>
/// <param name="Path">Full path of the entry as listed (for a link, the link itself).</param>
/// <param name="Refused">Why it is not read (a link leaving the input folder, a missing target); null to read it.</param>
internal sealed record InputFile(string Path, string? Refused = null);
