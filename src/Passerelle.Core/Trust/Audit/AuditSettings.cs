using System.ComponentModel.DataAnnotations;

namespace Passerelle.Core.Trust.Audit;

/// <summary><c>Audit:*</c>: where checkpoints go and the key that signs them, both outside the database.</summary>
public sealed class AuditSettings
{
    public const string Section = "Audit";

    /// <summary>The append-only file the server writes a checkpoint to, one JSON line each.</summary>
    [Required]
    public string CheckpointPath { get; set; } = Path.Combine("data", "audit-checkpoints.log");

    /// <summary>The checkpoint signing key: a file of at least 32 bytes, readable by the server alone.</summary>
    [Required]
    public string CheckpointKeyPath { get; set; } = Path.Combine("data", "audit-checkpoint.key");

    [Range(1, 1440)]
    public int CheckpointMinutes { get; set; } = 1;

    /// <summary>Set by the hosts in Development and Testing only: make the key on first use if there is none.</summary>
    public bool CreateKeyIfMissing { get; set; }
}
