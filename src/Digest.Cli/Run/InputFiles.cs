using System.Security.Cryptography;
using System.Text;

namespace Digest.Cli.Run;

/// <summary>
/// Expands the INPUT arguments (files and folders, recursively; hidden entries skipped) in a stable order. Inside a
/// folder, a symbolic link is followed only when its final target lies inside that folder (each folder is visited once,
/// so a link loop ends); a link that leaves the folder, or whose target is missing, is listed as refused with the
/// reason and never read. A file named directly as an argument is the caller's choice and is read as given.
/// </summary>
internal static class InputFiles
{
    /// <summary>The kernel's limit on links resolved for one path (SYMLOOP_MAX is 40 on Linux).</summary>
    private const int MaxLinkHops = 40;

    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> inputs)
    {
        var files = new List<InputFile>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                files.AddRange(Walk(input));
            }
            else if (File.Exists(input))
            {
                files.Add(new InputFile(Path.GetFullPath(input)));
            }
            else
            {
                throw new FileNotFoundException($"Input '{input}' is neither a file nor a folder.", input);
            }
        }

        return files.DistinctBy(f => f.Path, StringComparer.Ordinal).ToArray();
    }

    private static IEnumerable<InputFile> Walk(string folder)
    {
        var root = RealPath(Path.GetFullPath(folder), MaxLinkHops) ?? Path.GetFullPath(folder);
        var visited = new HashSet<string>(StringComparer.Ordinal) { root };
        var pending = new Stack<string>();
        pending.Push(root);
        var found = new List<InputFile>();
        while (pending.TryPop(out var directory))
        {
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = FileAttributes.Hidden, IgnoreInaccessible = false }))
            {
                if (entry.Name.StartsWith('.'))
                {
                    continue;
                }

                if (entry.LinkTarget is null)
                {
                    if (entry is DirectoryInfo)
                    {
                        pending.Push(entry.FullName);
                    }
                    else
                    {
                        found.Add(new InputFile(entry.FullName));
                    }

                    continue;
                }

                var target = RealPath(entry.FullName, MaxLinkHops);
                if (target is null || !Path.Exists(target))
                {
                    found.Add(new InputFile(entry.FullName, "It is a symbolic link whose target does not exist or cannot be resolved; it could not be read."));
                }
                else if (!IsInside(target, root))
                {
                    found.Add(new InputFile(entry.FullName, "It is a symbolic link to a path outside the input folder; links that leave the input folder are never read."));
                }
                else if (Directory.Exists(target))
                {
                    if (visited.Add(target))
                    {
                        pending.Push(target);
                    }
                }
                else
                {
                    found.Add(new InputFile(entry.FullName));
                }
            }
        }

        return found.OrderBy(f => f.Path, StringComparer.Ordinal);
    }

    private static bool IsInside(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);

    /// <summary>The path with every symbolic link in it resolved (like realpath(3)); null when a link cannot be resolved.</summary>
    private static string? RealPath(string path, int hops)
    {
        var current = Path.GetPathRoot(path) ?? "/";
        foreach (var part in path[current.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = new FileInfo(next);
            if (info.LinkTarget is { } link)
            {
                if (--hops < 0)
                {
                    return null;
                }

                var resolved = RealPath(Path.GetFullPath(link, current), hops);
                if (resolved is null)
                {
                    return null;
                }

                next = resolved;
            }

            current = next;
        }

        return current;
    }

    /// <summary>A unique blob name for each file: its file name, prefixed with a counter where two collide.</summary>
    public static IReadOnlyList<(InputFile File, string BlobName)> Name(IReadOnlyList<InputFile> files)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var named = new List<(InputFile, string)>(files.Count);
        foreach (var file in files)
        {
            var clean = Sanitize(Path.GetFileName(file.Path));
            var name = clean;
            for (var i = 2; !used.Add(name); i++)
            {
                name = $"{i}-{clean}";
            }

            named.Add((file, name));
        }

        return named;
    }

    private static string Sanitize(string name)
    {
        var clean = new string(name.Select(c => char.IsControl(c) || c is '/' or '\\' ? '_' : c).ToArray()).Trim();
        clean = clean is "" or "." or ".." ? "article" : clean;
        // Kept whole, however long: the stores fit long names (quarantine/~long-names/<hash>, the file-system
        // store's own ~long-names), and the reason records the name the editor gave.
        return clean;
    }

    /// <summary>The type an input is uploaded with: its format's (from the one list of formats), else application/octet-stream.</summary>
    public static string ContentTypeOf(string name) =>
        Digest.Core.Articles.ArticleFormats.ByExtension(name)?.UploadContentType ?? "application/octet-stream";
}
