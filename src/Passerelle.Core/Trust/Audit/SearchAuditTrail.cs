using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Core.Trust.Audit;

public sealed record AuditFilter(
    DateTime? From = null,
    DateTime? To = null,
    string? Login = null,
    string? Agency = null,
    string? Operation = null,
    string? Target = null,
    long? Before = null,
    int Limit = 100);

public sealed record AuditView(
    long Sequence,
    DateTime OccurredAt,
    int EventCode,
    string Operation,
    string Outcome,
    string? Login,
    string? AgencyCode,
    Guid? TokenId,
    string? Target,
    string? Purpose,
    string? Details,
    string? Source,
    string Hash);

/// <summary>
/// Lists and exports audit entries for auditors. Reading the trail is itself a consultation, and audited.
/// </summary>
public sealed class SearchAuditTrail(PasserelleDb db, AuditWriter audit)
{
    public const int MaxLimit = 1000;

    public async Task<Result<IReadOnlyList<AuditView>>> HandleAsync(
        Actor actor, AuditFilter filter, CancellationToken ct)
    {
        if (await RefuseAsync(actor, ct) is { } refused)
        {
            return refused;
        }

        if (filter.Limit is < 1 or > MaxLimit)
        {
            return AuditErrors.Limit.With($"limit must be between 1 and {MaxLimit}.", "limit");
        }

        await audit.AppendAsync(AuditRecord.For(
            actor, AuditEvent.AuditViewed, target: "audit", purpose: "audit-review", details: Describe(filter)), ct);
        var query = Apply(filter);
        if (filter.Before is { } before)
        {
            query = query.Where(e => e.Sequence < before);
        }

        return await query.OrderByDescending(e => e.Sequence).Take(filter.Limit).Select(View).ToListAsync(ct);
    }

    /// <summary>
    /// Page <paramref name="number"/> of the entries the filter selects, newest first, with their count. A page
    /// reads under the filter's <see cref="AuditFilter.Before"/>, so entries written while an auditor pages through
    /// (their own readings among them) do not shift the pages they have not yet seen.
    /// </summary>
    public async Task<Result<Page<AuditView>>> PageAsync(
        Actor actor, AuditFilter filter, int number, int size, CancellationToken ct)
    {
        if (await RefuseAsync(actor, ct) is { } refused)
        {
            return refused;
        }

        if (Paging.Check(number, size) is { } invalid)
        {
            return invalid;
        }

        var details = Describe(filter).And("page", number).And("size", size);
        await audit.AppendAsync(AuditRecord.For(
            actor, AuditEvent.AuditViewed, target: "audit", purpose: "audit-review", details: details), ct);
        var query = Apply(filter);
        if (filter.Before is { } before)
        {
            query = query.Where(e => e.Sequence < before);
        }

        return await Paging.ReadAsync(query.OrderByDescending(e => e.Sequence).Select(View), number, size, ct);
    }

    /// <summary>Every entry the filter selects, oldest first, streamed.</summary>
    public async Task<Result<IAsyncEnumerable<AuditView>>> ExportAsync(
        Actor actor, AuditFilter filter, string format, CancellationToken ct)
    {
        if (await RefuseAsync(actor, ct) is { } refused)
        {
            return refused;
        }

        var details = Describe(filter).And("format", format);
        await audit.AppendAsync(AuditRecord.For(
            actor, AuditEvent.AuditExported, target: "audit", purpose: "audit-review", details: details), ct);
        return Result<IAsyncEnumerable<AuditView>>.From(
            Apply(filter).OrderBy(e => e.Sequence).Select(View).AsAsyncEnumerable());
    }

    private async Task<Error?> RefuseAsync(Actor actor, CancellationToken ct)
    {
        if (AccessRules.MayReadAudit(actor))
        {
            return null;
        }

        return await audit.DenyAsync(actor, "audit", ct);
    }

    private IQueryable<AuditEntry> Apply(AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (filter.From is { } from)
        {
            query = query.Where(e => e.OccurredAt >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(e => e.OccurredAt < to);
        }

        if (!string.IsNullOrWhiteSpace(filter.Login))
        {
            var login = filter.Login.Trim().ToLowerInvariant();
            query = query.Where(e => e.Login == login);
        }

        if (!string.IsNullOrWhiteSpace(filter.Agency))
        {
            var agency = filter.Agency.Trim().ToUpperInvariant();
            query = query.Where(e => e.AgencyCode == agency);
        }

        if (!string.IsNullOrWhiteSpace(filter.Operation))
        {
            var operation = filter.Operation.Trim();
            query = query.Where(e => e.Operation == operation || e.Operation.StartsWith(operation + "."));
        }

        if (!string.IsNullOrWhiteSpace(filter.Target))
        {
            var target = filter.Target.Trim();
            query = query.Where(e => e.Target != null && e.Target.Contains(target));
        }

        return query;
    }

    /// <summary>The filter as the auditor gave it, for the entry that records this consultation.</summary>
    private static AuditDetails Describe(AuditFilter filter)
    {
        // Only what the auditor gave, so an unfiltered reading shows as {} rather than a row of nulls.
        var details = AuditDetails.Empty;
        details = filter.From is { } from ? details.And("from", from) : details;
        details = filter.To is { } to ? details.And("to", to) : details;
        details = string.IsNullOrEmpty(filter.Login) ? details : details.And("login", filter.Login);
        details = string.IsNullOrEmpty(filter.Agency) ? details : details.And("agency", filter.Agency);
        details = string.IsNullOrEmpty(filter.Operation) ? details : details.And("operation", filter.Operation);
        details = string.IsNullOrEmpty(filter.Target) ? details : details.And("target", filter.Target);
        return filter.Before is { } before ? details.And("before", before) : details;
    }

    private static readonly System.Linq.Expressions.Expression<Func<AuditEntry, AuditView>> View = e => new AuditView(
        e.Sequence, e.OccurredAt, e.EventCode, e.Operation, e.Outcome, e.Login, e.AgencyCode, e.TokenId, e.Target,
        e.Purpose, e.Details, e.Source, e.Hash);
}
