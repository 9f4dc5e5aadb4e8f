using System.Text.Json;
using Passerelle.Core.Common;

namespace Passerelle.Core.Backup;

/// <summary>The manifest of an archive that <see cref="BackupReader"/> verifies, held to the members found.</summary>
internal static class BackupManifestCheck
{
    /// <summary>
    /// The manifest in <paramref name="json"/>, if it is a Passerelle backup's of this version and names exactly the
    /// members <paramref name="found"/>, each with the length and SHA-256 found.
    /// </summary>
    public static Result<BackupManifest> Check(byte[] json, Dictionary<string, (long Bytes, string Sha256)> found)
    {
        var manifest = Parse(json);
        return !manifest.Succeeded ? manifest.Error : Compare(manifest.Value, found) ?? manifest;
    }

    private static Result<BackupManifest> Parse(byte[] json)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(json, BackupFormat.Json);
            if (manifest is null || manifest.Format != BackupFormat.Name)
            {
                return BackupErrors.Manifest("is not that of a Passerelle backup");
            }

            return manifest.Version == BackupFormat.Version
                ? manifest
                : BackupErrors.Manifest(
                    $"is of format version {manifest.Version}; this Passerelle reads version {BackupFormat.Version}");
        }
        catch (JsonException ex)
        {
            return BackupErrors.Manifest($"is not valid ({ex.Message.TrimEnd('.')})");
        }
    }

    /// <summary>The manifest and the archive name the same members, each with the same length and checksum.</summary>
    private static Error? Compare(BackupManifest manifest, Dictionary<string, (long Bytes, string Sha256)> found)
    {
        // Whatever the type says, JSON may hold nulls where a list's items are expected.
        if (manifest.Members.Any(m => m is null || m.Name is null || m.Sha256 is null)
            || manifest.Audit.Hash is null)
        {
            return BackupErrors.Manifest("lists a member, or the audit trail's head, without its name or checksum");
        }

        var listed = manifest.Members.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        if (!listed.Contains(BackupFormat.Database))
        {
            return BackupErrors.Manifest($"lists no {BackupFormat.Database}");
        }

        if (listed.Count != manifest.Members.Count)
        {
            return BackupErrors.Manifest("lists a member twice");
        }

        foreach (var m in manifest.Members)
        {
            if (!found.TryGetValue(m.Name, out var actual))
            {
                return BackupErrors.Checksum($"'{BackupErrors.Shown(m.Name)}' is listed but not in the archive");
            }

            if (actual.Bytes != m.Bytes || !string.Equals(actual.Sha256, m.Sha256, StringComparison.Ordinal))
            {
                return BackupErrors.Checksum(
                    $"'{BackupErrors.Shown(m.Name)}' does not have the listed length and SHA-256");
            }
        }

        var unlisted = found.Keys.FirstOrDefault(name => !listed.Contains(name));
        return unlisted is null ? null : BackupErrors.Checksum($"'{BackupErrors.Shown(unlisted)}' is not listed");
    }
}
