using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Passerelle.Core.Common;

namespace Passerelle.Core.Trust.Audit;

/// <summary>
/// The key that signs checkpoints, read from <c>Audit:CheckpointKeyPath</c>. It lives outside the database so that
/// someone who can rewrite the trail cannot also sign a checkpoint for the rewritten one.
/// </summary>
public sealed class AuditCheckpointKey(IOptions<AuditSettings> settings)
{
    public const int MinBytes = 32;

    public Result<byte[]> Load()
    {
        var path = Path.GetFullPath(settings.Value.CheckpointKeyPath);
        if (!File.Exists(path))
        {
            if (!settings.Value.CreateKeyIfMissing)
            {
                return AuditErrors.NoCheckpointKey.With(
                    $"There is no checkpoint key at {path}. Create one outside the database, for example"
                    + $": head -c 32 /dev/urandom > {path} && chmod 600 {path}");
            }

            Create(path);
        }

        var key = File.ReadAllBytes(path);
        return key.Length >= MinBytes
            ? key
            : AuditErrors.ShortCheckpointKey.With(
                $"The checkpoint key at {path} has {key.Length} bytes; it needs at least {MinBytes}.");
    }

    /// <summary>A new random key, for its owner's eyes alone; another process may win the race to make it.</summary>
    private static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var file = new FileStream(path, options);
            file.Write(RandomNumberGenerator.GetBytes(MinBytes));
            file.Flush(flushToDisk: true);
        }
        catch (IOException) when (File.Exists(path))
        {
        }
    }
}
