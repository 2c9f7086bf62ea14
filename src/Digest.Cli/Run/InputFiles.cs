namespace Digest.Cli.Run;

/// <summary>Expands the INPUT arguments (files and folders, recursively; hidden files skipped) in a stable order.</summary>
internal static class InputFiles
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (File.Exists(input))
            {
                files.Add(Path.GetFullPath(input));
            }
            else if (Directory.Exists(input))
            {
                files.AddRange(Directory.EnumerateFiles(input, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden })
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Select(Path.GetFullPath)
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                throw new FileNotFoundException($"Input '{input}' is neither a file nor a folder.", input);
            }
        }

        return files.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>A unique blob name for each file: its file name, prefixed with a counter where two collide.</summary>
    public static IReadOnlyList<(string Path, string BlobName)> Name(IReadOnlyList<string> files)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var named = new List<(string, string)>(files.Count);
        foreach (var file in files)
        {
            var name = Sanitize(Path.GetFileName(file));
            for (var i = 2; !used.Add(name); i++)
            {
                name = $"{i}-{Sanitize(Path.GetFileName(file))}";
            }

            named.Add((file, name));
        }

        return named;
    }

    private static string Sanitize(string name)
    {
        var clean = new string(name.Select(c => char.IsControl(c) || c is '/' or '\\' ? '_' : c).ToArray()).Trim();
        return clean is "" or "." or ".." ? "article" : clean;
    }

    public static string ContentTypeOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".md" or ".markdown" => "text/markdown; charset=utf-8",
        ".html" or ".htm" => "text/html",
        ".json" => "application/json",
        ".txt" => "text/plain",
        _ => "application/octet-stream",
    };
}
