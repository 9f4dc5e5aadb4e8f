using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Core.Trust.Audit;

/// <summary>
/// Signs the chain's current head and appends it to <c>Audit:CheckpointPath</c>, one JSON line per checkpoint, so
/// that <c>audit verify --checkpoints</c> can later tell a trail cut short from an intact one.
/// </summary>
public sealed class WriteAuditCheckpoint(
    PasserelleDb db, AuditWriter audit, AuditCheckpointKey key, IOptions<AuditSettings> settings, TimeProvider time)
{
    public async Task<Result<AuditCheckpoint>> HandleAsync(Actor actor, CancellationToken ct)
    {
        if (!AccessRules.MayReadAudit(actor))
        {
            return await audit.DenyAsync(actor, "audit", ct);
        }

        return await WriteAsync(ct);
    }

    /// <summary>The server's own periodic checkpoint, which no person asks for.</summary>
    internal async Task<Result<AuditCheckpoint>> WriteAsync(CancellationToken ct)
    {
        var signing = key.Load();
        if (!signing.Succeeded)
        {
            return signing.Error;
        }

        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        var checkpoint = AuditCheckpoint.Sign(
            head?.Sequence ?? 0, head?.Hash ?? AuditChain.Genesis, time.UtcNow(), signing.Value);
        var path = Path.GetFullPath(settings.Value.CheckpointPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Appended and flushed to disk, so the line survives a crash right after the answer.
        await using (var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
        {
            await file.WriteAsync(Encoding.UTF8.GetBytes(checkpoint.ToJsonLine() + "\n"), ct);
            file.Flush(flushToDisk: true);
        }

        return checkpoint;
    }
}
