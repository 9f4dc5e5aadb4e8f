using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Passerelle.Core.Common;

namespace Passerelle.Core.Trust.Audit;

/// <summary>
/// The chain's head at a moment, signed with a key the database never holds. The chain alone cannot show entries cut
/// from its end, since what is left still links; a checkpoint kept outside the database can: the entry at its
/// sequence must still exist and still have its hash.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTime At, string Signature)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static AuditCheckpoint Sign(long sequence, string hash, DateTime at, byte[] key) =>
        new(sequence, hash, at, Mac(sequence, hash, at, key));

    public bool IsSignedWith(byte[] key) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Mac(Sequence, Hash, At, key)), Encoding.ASCII.GetBytes(Signature));

    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);

    /// <summary>Each non-blank line of a checkpoint file, with its number; any other line is bad input.</summary>
    public static Result<IReadOnlyList<(int Line, AuditCheckpoint Checkpoint)>> ReadAll(IEnumerable<string> lines)
    {
        var checkpoints = new List<(int, AuditCheckpoint)>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            AuditCheckpoint? checkpoint = null;
            try
            {
                checkpoint = JsonSerializer.Deserialize<AuditCheckpoint>(line, Json);
            }
            catch (JsonException)
            {
            }

            if (checkpoint is not { Hash: not null, Signature: not null } || checkpoint.Sequence < 0)
            {
                return AuditErrors.CheckpointLine.With(
                    $"Line {number} of the checkpoint file is not a checkpoint.", "checkpoints");
            }

            var at = DateTime.SpecifyKind(checkpoint.At.ToUniversalTime(), DateTimeKind.Utc);
            checkpoints.Add((number, checkpoint with { At = at }));
        }

        return checkpoints;
    }

    private static string Mac(long sequence, string hash, DateTime at, byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Join('|',
            "passerelle-checkpoint-v1",
            sequence.ToString(CultureInfo.InvariantCulture),
            hash,
            at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)))));
}
