using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Digest.Core.Json;

namespace Digest.Core.Storage;

/// <summary>
/// The embedded default store: a folder per container under one root. Writes are atomic (temp file + rename);
/// create-once uses a no-overwrite rename, so two processes racing to create the same blob see exactly one win.
/// ETags are content hashes. Content type and metadata live in a sidecar under <c>.meta/</c>.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private const string MetaFolder = ".meta";

    /// <summary>NAME_MAX on Linux file systems (ext4, xfs, tmpfs) and macOS.</summary>
    private const int MaxFileNameBytes = 255;
    private readonly string _root;

    public FileSystemBlobStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
    }

    public string Root => _root;

    public async Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var path = BlobPath(container, name);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        var props = await ReadPropertiesAsync(container, name, path, bytes, cancellationToken).ConfigureAwait(false);
        return new StoredBlob(props, BinaryData.FromBytes(bytes));
    }

    public async Task<BlobProperties?> GetPropertiesAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var blob = await GetAsync(container, name, cancellationToken).ConfigureAwait(false);
        return blob?.Properties;
    }

    public async Task<BlobWriteResult> PutAsync(string container, string name, BinaryData content, BlobWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BlobWriteOptions();
        var path = BlobPath(container, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        if (options.IfMatch is { } expected)
        {
            // Compare-and-swap under an exclusive OS file lock, so concurrent writers (threads or processes) serialise.
            await using var guard = await AcquireLockAsync(container, name, cancellationToken).ConfigureAwait(false);
            var current = await GetPropertiesAsync(container, name, cancellationToken).ConfigureAwait(false);
            if (current is null || current.ETag != expected)
            {
                return BlobWriteResult.ConditionFailed;
            }

            return await WriteAsync(container, name, path, content, options with { IfMatch = null }, cancellationToken).ConfigureAwait(false);
        }

        if (options.IfNoneMatchAny)
        {
            // File.Move(overwrite: false) is check-then-rename on Unix, not atomic: two racing creators could both
            // "win" (PutAsync_CreateOnlyRacing_ExactlyOneWins caught it). Creators serialise under the same lock.
            await using var guard = await AcquireLockAsync(container, name, cancellationToken).ConfigureAwait(false);
            return await WriteAsync(container, name, path, content, options, cancellationToken).ConfigureAwait(false);
        }

        return await WriteAsync(container, name, path, content, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<BlobWriteResult> WriteAsync(string container, string name, string path, BinaryData content, BlobWriteOptions options, CancellationToken cancellationToken)
    {
        var temp = TempPathBeside(path);
        await File.WriteAllBytesAsync(temp, content.ToArray(), cancellationToken).ConfigureAwait(false);
        try
        {
            if (options.IfNoneMatchAny)
            {
                try
                {
                    File.Move(temp, path, overwrite: false);
                }
                catch (IOException) when (File.Exists(path))
                {
                    return BlobWriteResult.ConditionFailed;
                }
            }
            else
            {
                File.Move(temp, path, overwrite: true);
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        await WriteSidecarAsync(container, name, options, cancellationToken).ConfigureAwait(false);
        return BlobWriteResult.Success(ETagOf(content.ToMemory().Span));
    }

    public Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var path = BlobPath(container, name);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        var sidecar = SidecarPath(container, name);
        if (File.Exists(sidecar))
        {
            File.Delete(sidecar);
        }

        return Task.FromResult(true);
    }

    public async IAsyncEnumerable<BlobProperties> ListAsync(string container, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var folder = ContainerPath(container);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        var names = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(n => prefix is null || n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var props = await GetPropertiesAsync(container, name, cancellationToken).ConfigureAwait(false);
            if (props is not null)
            {
                yield return props;
            }
        }
    }

    private async Task<BlobProperties> ReadPropertiesAsync(string container, string name, string path, byte[] bytes, CancellationToken cancellationToken)
    {
        string? contentType = null;
        IReadOnlyDictionary<string, string> metadata = new Dictionary<string, string>();
        var sidecar = SidecarPath(container, name);
        if (File.Exists(sidecar))
        {
            await using var stream = File.OpenRead(sidecar);
            var stored = await JsonSerializer.DeserializeAsync(stream, DigestJsonContext.Stored.BlobSidecar, cancellationToken).ConfigureAwait(false);
            contentType = stored?.ContentType;
            metadata = stored?.Metadata ?? metadata;
        }

        return new BlobProperties(name, ETagOf(bytes), bytes.LongLength, contentType, File.GetLastWriteTimeUtc(path), metadata);
    }

    private async Task WriteSidecarAsync(string container, string name, BlobWriteOptions options, CancellationToken cancellationToken)
    {
        var sidecar = SidecarPath(container, name);
        if (options.ContentType is null && (options.Metadata is null || options.Metadata.Count == 0))
        {
            if (File.Exists(sidecar))
            {
                File.Delete(sidecar);
            }

            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(sidecar)!);
        var json = JsonSerializer.SerializeToUtf8Bytes(
            new BlobSidecar(options.ContentType, options.Metadata?.ToDictionary(StringComparer.Ordinal)),
            DigestJsonContext.Stored.BlobSidecar);
        // Atomic like the blob itself: a concurrent reader never sees a half-written sidecar.
        var temp = TempPathBeside(sidecar);
        await File.WriteAllBytesAsync(temp, json, cancellationToken).ConfigureAwait(false);
        File.Move(temp, sidecar, overwrite: true);
    }

    private async Task<FileStream> AcquireLockAsync(string container, string name, CancellationToken cancellationToken)
    {
        var lockPath = Path.Combine(_root, MetaFolder, ".locks", container, FitName(name, ".lock"));
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (attempt < 2000)
            {
                await Task.Delay(5, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string ETagOf(ReadOnlySpan<byte> bytes) => "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + "\"";

    private string ContainerPath(string container)
    {
        if (!BlobNames.IsValidContainer(container))
        {
            throw new ArgumentException($"Invalid container name '{container}'.", nameof(container));
        }

        return Path.Combine(_root, container);
    }

    private string BlobPath(string container, string name)
    {
        BlobNames.EnsureValid(name);
        return Path.Combine(ContainerPath(container), name.Replace('/', Path.DirectorySeparatorChar));
    }

    private string SidecarPath(string container, string name)
    {
        BlobNames.EnsureValid(name);
        return Path.Combine(_root, MetaFolder, container, FitName(name, ".json"));
    }

    /// <summary>
    /// A short temp name in the target's folder (same file system, so the rename is atomic): appending to the target's
    /// name would pass the 255-byte file-name limit for a target that is already near it.
    /// </summary>
    private static string TempPathBeside(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, "." + Guid.NewGuid().ToString("N")[..16] + ".tmp");

    /// <summary>
    /// The blob name as a relative path with <paramref name="suffix"/> on its last segment; when that segment would
    /// pass the 255-byte file-name limit, a hash of the whole name stands in for it (sidecars and locks only need a
    /// stable, unique path, never to be listed back).
    /// </summary>
    private static string FitName(string name, string suffix)
    {
        var relative = name.Replace('/', Path.DirectorySeparatorChar);
        if (System.Text.Encoding.UTF8.GetByteCount(Path.GetFileName(relative) + suffix) <= MaxFileNameBytes)
        {
            return relative + suffix;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..32];
        return Path.Combine("~long-names", hash + suffix);
    }
}

/// <summary>What the file-system store keeps beside a blob (public only for the serializer context).</summary>
public sealed record BlobSidecar(string? ContentType, Dictionary<string, string>? Metadata);
