namespace Passerelle.Core.Pictures;

/// <summary>
/// <c>Blobs:Path</c>, <c>./data/blobs</c> by default. Keys are GUIDs and suffixes chosen here, never user input.
/// </summary>
public sealed class FileSystemBlobStore(string root) : IBlobStore
{
    /// <summary>The folder, as configured; a backup copies it whole.</summary>
    public string Root => root;

    /// <summary>Where a key lies under <see cref="Root"/>: in a folder named by its first two characters.</summary>
    internal static string RelativePath(string key) => Path.Combine(key[..2], key);

    /// <summary>
    /// Writes beside the key, flushes to disk, then renames: a full disk or a crash leaves no partial picture under a
    /// key, and what was begun is removed.
    /// </summary>
    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + PartialSuffix;
        try
        {
            await using (var file = new FileStream(
                partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 81920, useAsync: true))
            {
                await file.WriteAsync(content, ct);
                file.Flush(flushToDisk: true);
            }

            File.Move(partial, path);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    /// <summary>The suffix of a picture being written; never a key, so a backup leaves such a file out.</summary>
    internal const string PartialSuffix = ".partial";

    public async Task<byte[]?> GetAsync(string key, CancellationToken ct) =>
        File.Exists(PathOf(key)) ? await File.ReadAllBytesAsync(PathOf(key), ct) : null;

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key) => Path.Combine(root, RelativePath(key));
}
