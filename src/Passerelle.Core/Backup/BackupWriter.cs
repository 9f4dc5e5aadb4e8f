using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Pictures;

namespace Passerelle.Core.Backup;

/// <summary>Writes the archive of <see cref="BackupFormat"/> from a database snapshot and the blob folder.</summary>
internal static partial class BackupWriter
{
    public static async Task<BackupSummary> WriteAsync(
        string snapshot, string blobRoot, string partial, DateTime takenAt, CancellationToken ct)
    {
        string schema;
        BackupAuditHead head;
        IReadOnlyList<Guid> pictures;
        await using (var db = SqliteFile.Context(snapshot))
        {
            schema = await SqliteFile.SchemaAsync(db, ct)
                ?? throw new InvalidOperationException("The snapshot of a migrated database has no migrations.");
            head = await SqliteFile.AuditHeadAsync(db, ct);
            pictures = await db.Pictures.AsNoTracking().Select(p => p.Id).ToListAsync(ct);
        }

        var members = new List<BackupMember>();
        var skipped = 0;
        // The archive holds the whole register: readable by its owner alone from the moment it exists.
        await using (var file = OwnerOnly.Create(partial))
        {
            await using (var tar = new TarWriter(file, TarEntryFormat.Pax, leaveOpen: true))
            {
                await using (var database = File.OpenRead(snapshot))
                {
                    var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(database, ct));
                    database.Position = 0;
                    members.Add(await AddAsync(tar, BackupFormat.Database, database, hash, takenAt, ct));
                }

                // After the database, never before: see BackupDatabase.
                foreach (var (path, name) in BlobFiles(blobRoot))
                {
                    if (name is null)
                    {
                        skipped++;
                        continue;
                    }

                    // Read whole, so its length and checksum are those of the bytes archived even if it is still
                    // being written: such a file is one no committed row names yet.
                    byte[] content;
                    try
                    {
                        content = await File.ReadAllBytesAsync(path, ct);
                    }
                    catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
                    {
                        continue; // Deleted since it was listed: its row never committed.
                    }

                    var hash = Convert.ToHexStringLower(SHA256.HashData(content));
                    members.Add(await AddAsync(tar, name, new MemoryStream(content), hash, takenAt, ct));
                }

                var manifest = new BackupManifest(
                    BackupFormat.Name, BackupFormat.Version, takenAt, schema, head, members);
                var json = JsonSerializer.SerializeToUtf8Bytes(manifest, BackupFormat.Json);
                var manifestHash = Convert.ToHexStringLower(SHA256.HashData(json));
                await AddAsync(tar, BackupFormat.Manifest, new MemoryStream(json), manifestHash, takenAt, ct);
            }

            file.Flush(flushToDisk: true);
        }

        var archived = members.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var missing = pictures.SelectMany(id => new[] { PictureStore.Key(id, false), PictureStore.Key(id, true) })
            .Count(key => !archived.Contains(BlobName(key)));
        var bytes = new FileInfo(partial).Length;
        return new BackupSummary(partial, bytes, members.Count + 1, members.Count - 1, skipped, missing, head, takenAt);
    }

    private static async Task<BackupMember> AddAsync(
        TarWriter tar, string name, Stream content, string sha256, DateTime takenAt, CancellationToken ct)
    {
        await using (content)
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
            {
                DataStream = content,
                Mode = OwnerOnly.File,
                ModificationTime = takenAt,
            };
            await tar.WriteEntryAsync(entry, ct);
            return new BackupMember(name, content.Length, sha256);
        }
    }

    /// <summary>
    /// Every regular file under the blob folder, in a stable order, with its archive name, or none when the store
    /// would never write such a name. Links are not followed: the store never makes one.
    /// </summary>
    private static IEnumerable<(string Path, string? Name)> BlobFiles(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            IgnoreInaccessible = false,
        };
        return Directory.EnumerateFiles(root, "*", options).Order(StringComparer.Ordinal)
            .Select(path => Path.GetRelativePath(root, path))
            .Select(relative => (Path.Combine(root, relative),
                StoreKey().IsMatch(relative.Replace(Path.DirectorySeparatorChar, '/'))
                    ? BackupFormat.BlobMemberName(relative)
                    : null));
    }

    /// <summary>
    /// What the picture store names its files (<c>ab/ab…32 hex….image</c> or <c>.thumb</c>). Anything else is left
    /// out: a picture still being written (<c>.partial</c>, held open exclusively), or whatever else a misconfigured
    /// <c>Blobs:Path</c> holds, such as a key file.
    /// </summary>
    [GeneratedRegex(@"^(?<folder>[0-9a-f]{2})/\k<folder>[0-9a-f]{30}\.(image|thumb)\z", RegexOptions.CultureInvariant)]
    private static partial Regex StoreKey();

    private static string BlobName(string key) => BackupFormat.BlobMemberName(FileSystemBlobStore.RelativePath(key))!;
}
