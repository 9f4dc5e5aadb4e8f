using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Access;
using Passerelle.Core.Common;
using Passerelle.Core.Data;

namespace Passerelle.Core.Audit;

/// <param name="FirstBroken">The sequence number of the first entry that no longer matches, or null if all do.</param>
public sealed record AuditVerification(long Checked, long? FirstBroken, string? Reason)
{
    public bool Intact => FirstBroken is null;
}

/// <summary>Recomputes the whole chain from the first entry and names the first one that no longer matches.</summary>
public sealed class VerifyAuditTrail(PasserelleDb db, AuditWriter audit)
{
    public async Task<Result<AuditVerification>> HandleAsync(Actor actor, CancellationToken ct)
    {
        if (!AccessRules.MayReadAudit(actor))
        {
            return await audit.DenyAsync(actor, "audit", ct);
        }

        var result = await CheckAsync(ct);
        await audit.AppendAsync(AuditRecord.For(actor, AuditEvent.AuditVerified, result.Intact ? Outcomes.Success : Outcomes.Failure,
            target: "audit", purpose: "audit-review", details: AuditDetails.With("checked", result.Checked).And("firstBroken", result.FirstBroken).And("reason", result.Reason)), ct);
        return result;
    }

    private async Task<AuditVerification> CheckAsync(CancellationToken ct)
    {
        long expected = 1;
        var previous = AuditChain.Genesis;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.Sequence != expected)
            {
                return new(expected - 1, expected, $"entry {expected} is missing; the next stored entry is {entry.Sequence}");
            }

            if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
            {
                return new(expected - 1, entry.Sequence, "its previous-hash does not match the entry before it");
            }

            if (!string.Equals(AuditChain.ComputeHash(entry), entry.Hash, StringComparison.Ordinal))
            {
                return new(expected - 1, entry.Sequence, "its stored fields no longer match its hash");
            }

            previous = entry.Hash;
            expected++;
        }

        return new(expected - 1, null, null);
    }
}
