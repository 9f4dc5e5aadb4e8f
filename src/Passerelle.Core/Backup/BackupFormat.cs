using System.Formats.Tar;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Passerelle.Core.Backup;

/// <summary>One file of the archive: its name there, its length and its content's SHA-256 in lower-case hex.</summary>
internal sealed record BackupMember(string Name, long Bytes, string Sha256);

/// <summary>The audit chain's last entry in the archived database, which ties the manifest to that database.</summary>
internal sealed record BackupAuditHead(long Sequence, string Hash);

/// <param name="Schema">The last migration applied to the archived database.</param>
internal sealed record BackupManifest(
    string Format,
    int Version,
    DateTime TakenAt,
    string Schema,
    BackupAuditHead Audit,
    IReadOnlyList<BackupMember> Members);

/// <summary>
/// A backup is one uncompressed POSIX (pax) tar file, readable with any <c>tar</c>: <c>passerelle.db</c>, the blob
/// store under <c>blobs/</c> as it lies on disk, and <c>manifest.json</c> last, since it holds every other member's
/// checksum. Members are regular files with plain names; anything else makes the archive unreadable by restore.
/// </summary>
internal static partial class BackupFormat
{
    public const string Name = "passerelle-backup";
    public const int Version = 1;
    public const string Database = "passerelle.db";
    public const string Manifest = "manifest.json";
    public const string BlobFolder = "blobs";

    /// <summary>Far beyond the manifest of millions of blobs; a bigger one is not ours.</summary>
    public const long MaxManifestBytes = 256L * 1024 * 1024;

    private const int MaxDepth = 8;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>
    /// Whether a member name is one a backup writes: the database, the manifest, or a path under <c>blobs/</c> whose
    /// every segment starts with a letter or digit. That alone keeps out absolute paths, <c>..</c>, <c>.</c>, empty
    /// segments, backslashes, drive letters and control characters, whatever the platform makes of them.
    /// </summary>
    public static bool IsMemberName(string name)
    {
        if (name is Database or Manifest)
        {
            return true;
        }

        var segments = name.Split('/');
        return segments.Length is >= 2 and <= MaxDepth
            && segments[0] == BlobFolder
            && segments.Skip(1).All(s => Segment().IsMatch(s));
    }

    /// <summary>
    /// Whether a file is an earlier backup, a tar whose first member is the database: the only file <c>--overwrite</c>
    /// replaces. Paths are compared as strings elsewhere, which a symbolic link gets round; this looks at the file.
    /// </summary>
    public static bool IsBackup(string path)
    {
        try
        {
            using var tar = new TarReader(File.OpenRead(path));
            return tar.GetNextEntry() is { Name: Database, EntryType: TarEntryType.RegularFile };
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException
            or FormatException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The archive name of a file under the blob folder; null when the store would never write it.</summary>
    public static string? BlobMemberName(string relativePath)
    {
        var name = BlobFolder + "/" + relativePath.Replace(Path.DirectorySeparatorChar, '/');
        return IsMemberName(name) ? name : null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();
}
