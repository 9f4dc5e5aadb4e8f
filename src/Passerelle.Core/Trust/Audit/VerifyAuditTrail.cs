using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Core.Trust.Audit;

/// <param name="FirstBroken">The sequence number of the first entry that no longer matches, or null if all do.</param>
/// <param name="BrokenCheckpoint">The first checkpoint the trail fails, named by line and sequence, and why.</param>
public sealed record AuditVerification(
    long Checked, long? FirstBroken, string? Reason, string? BrokenCheckpoint = null, int Checkpoints = 0)
{
    public bool Intact => FirstBroken is null && BrokenCheckpoint is null;
}

/// <summary>
/// Recomputes the whole chain from the first entry and names the first one that no longer matches. Given checkpoints,
/// it also checks that the trail still reaches each one with the same hash: the chain alone cannot see entries cut
/// from its end.
/// </summary>
public sealed class VerifyAuditTrail(PasserelleDb db, AuditWriter audit, AuditCheckpointKey key)
{
    public async Task<Result<AuditVerification>> HandleAsync(Actor actor, CancellationToken ct) =>
        await HandleAsync(actor, [], ct);

    public async Task<Result<AuditVerification>> HandleAsync(
        Actor actor, IReadOnlyList<(int Line, AuditCheckpoint Checkpoint)> checkpoints, CancellationToken ct)
    {
        if (!AccessRules.MayReadAudit(actor))
        {
            return await audit.DenyAsync(actor, "audit", ct);
        }

        byte[] signing = [];
        if (checkpoints.Count > 0)
        {
            var loaded = key.Load();
            if (!loaded.Succeeded)
            {
                return loaded.Error;
            }

            signing = loaded.Value;
        }

        var hashes = new Dictionary<long, string> { [0] = AuditChain.Genesis };
        var wanted = checkpoints.Select(c => c.Checkpoint.Sequence).ToHashSet();
        var result = await CheckAsync(wanted, hashes, ct);
        if (result.Intact)
        {
            var broken = CheckCheckpoints(checkpoints, signing, result.Checked, hashes);
            result = result with { BrokenCheckpoint = broken, Checkpoints = checkpoints.Count };
        }

        var details = AuditDetails.With("checked", result.Checked).And("firstBroken", result.FirstBroken)
            .And("reason", result.Reason).And("checkpoints", checkpoints.Count)
            .And("brokenCheckpoint", result.BrokenCheckpoint);
        var outcome = result.Intact ? Outcomes.Success : Outcomes.Failure;
        await audit.AppendAsync(AuditRecord.For(
            actor, AuditEvent.AuditVerified, outcome, target: "audit", purpose: "audit-review", details: details), ct);
        return result;
    }

    private static string? CheckCheckpoints(
        IReadOnlyList<(int Line, AuditCheckpoint Checkpoint)> checkpoints,
        byte[] signing,
        long last,
        Dictionary<long, string> hashes)
    {
        foreach (var (line, c) in checkpoints)
        {
            var name = $"checkpoint on line {line} (entry {c.Sequence}, {c.At:yyyy-MM-dd'T'HH:mm:ss'Z'})";
            if (!c.IsSignedWith(signing))
            {
                return $"{name}: its signature does not match the checkpoint key";
            }

            if (c.Sequence > last)
            {
                return $"{name}: the trail ends at entry {last}, before it; entries were cut from its end";
            }

            if (!string.Equals(hashes[c.Sequence], c.Hash, StringComparison.Ordinal))
            {
                return $"{name}: entry {c.Sequence} no longer has the hash the checkpoint signed";
            }
        }

        return null;
    }

    private async Task<AuditVerification> CheckAsync(
        HashSet<long> wanted, Dictionary<long, string> hashes, CancellationToken ct)
    {
        long expected = 1;
        var previous = AuditChain.Genesis;
        var entries = db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(ct))
        {
            if (entry.Sequence != expected)
            {
                return new(
                    expected - 1, expected, $"entry {expected} is missing; the next stored entry is {entry.Sequence}");
            }

            if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
            {
                return new(expected - 1, entry.Sequence, "its previous-hash does not match the entry before it");
            }

            if (!string.Equals(AuditChain.ComputeHash(entry), entry.Hash, StringComparison.Ordinal))
            {
                return new(expected - 1, entry.Sequence, "its stored fields no longer match its hash");
            }

            if (wanted.Contains(entry.Sequence))
            {
                hashes[entry.Sequence] = entry.Hash;
            }

            previous = entry.Hash;
            expected++;
        }

        return new(expected - 1, null, null);
    }
}
