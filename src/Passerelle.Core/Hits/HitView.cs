using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Data;
using Passerelle.Core.TravelDocuments;

namespace Passerelle.Core.Hits;

public sealed record HitEventView(DateTime At, string Kind, string By, string? Note);

/// <summary>A hit case with its timeline, as the owner and the querying agency see it.</summary>
/// <param name="Status"><c>open</c>, <c>confirmed</c>, <c>recovered</c> or <c>mismatch</c>.</param>
/// <param name="Screenings">Screenings the case holds: the first and every repeat by the querying agency.</param>
/// <param name="OwnerAgencyId">For the pages to ask <c>AccessRules.MayDecideHit</c>; not part of the API.</param>
public sealed record HitView(
    Guid Id, string Match, string Status, Guid RecordId, string DocumentNumber, string IssuingState,
    string DocumentType, string RecordStatus, string OwnerAgency, string QueryingAgency, string QueryingLogin,
    string Purpose,
    string? Location, DateTime OpenedAt, DateTime? DecidedAt, string? DecidedBy, string? DecisionNote,
    IReadOnlyList<HitEventView> Timeline, int Screenings, DateTime LastScreenedAt, string? LastScreenedBy,
    [property: JsonIgnore] Guid OwnerAgencyId)
{
    internal static async Task<HitView> LoadAsync(PasserelleDb db, Guid id, CancellationToken ct) =>
        (await LoadManyAsync(db, db.HitCases.Where(h => h.Id == id), ct)).Single();

    internal static async Task<List<HitView>> LoadManyAsync(
        PasserelleDb db, IQueryable<HitCase> cases, CancellationToken ct)
    {
        var rows = await (
            from h in cases.AsNoTracking()
            join d in db.TravelDocuments on h.DocumentId equals d.Id
            join owner in db.Agencies on h.OwnerAgencyId equals owner.Id
            join querying in db.Agencies on h.QueryingAgencyId equals querying.Id
            orderby h.OpenedAt descending
            select new { h, d.Number, d.IssuingState, d.Type, d.Status, Owner = owner.Code, Querying = querying.Code })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.h.Id).ToList();
        var events = (await db.HitCaseEvents.AsNoTracking().Where(e => ids.Contains(e.CaseId)).ToListAsync(ct))
            .OrderBy(e => e.Id).ToLookup(e => e.CaseId);
        return rows.Select(r => new HitView(
            r.h.Id, r.h.Match.Name(), r.h.Status.Name(), r.h.DocumentId, r.Number,
            r.IssuingState, r.Type.Name(), r.Status.Name(), r.Owner, r.Querying, r.h.QueryingLogin, r.h.Purpose,
            r.h.Location, r.h.OpenedAt, r.h.DecidedAt, r.h.DecidedBy, r.h.DecisionNote,
            [.. events[r.h.Id].Select(e => new HitEventView(e.At, e.Kind, e.By, e.Note))],
            r.h.ScreenCount, r.h.LastScreenedAt, r.h.LastScreenedBy, r.h.OwnerAgencyId)).ToList();
    }
}
