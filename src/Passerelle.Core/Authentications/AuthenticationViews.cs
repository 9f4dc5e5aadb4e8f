using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Pictures;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Authentications;

/// <summary>
/// Reads requests as one side sees them, for every operation that answers with one. Only the detaining agency sees
/// which of its people asked, wrote and recorded (<see cref="AccessRules.MaySeeOfficers"/>); the rights holder sees
/// the agency.
/// </summary>
public sealed class AuthenticationViews(PasserelleDb db, PictureStore pictures, TimeProvider time)
{
    internal static string Subject(Guid id) => AuditTarget.Authentication(id);

    internal async Task<AuthenticationView> OneAsync(Actor actor, Guid id, CancellationToken ct) =>
        (await ManyAsync(actor, [id], ct))[0];

    /// <summary>The requests in the order of <paramref name="ids"/>: four queries, however many.</summary>
    internal async Task<List<AuthenticationView>> ManyAsync(Actor actor, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var rows = (await (
            from r in db.AuthenticationRequests.AsNoTracking()
            join p in db.ProductSheets on r.ProductId equals p.Id
            join holder in db.Agencies on r.RightsHolderAgencyId equals holder.Id
            join requesting in db.Agencies on r.RequestingAgencyId equals requesting.Id
            where ids.Contains(r.Id)
            select new { r, p.Brand, p.Name, Holder = holder.Code, Requesting = requesting.Code })
            .ToListAsync(ct)).ToDictionary(x => x.r.Id);
        var threads = (await db.AuthenticationMessages.AsNoTracking()
            .Where(m => ids.Contains(m.RequestId)).OrderBy(m => m.Id).ToListAsync(ct))
            .ToLookup(m => m.RequestId, m => m);
        var photos = (await pictures.OfAsync([.. ids.Select(Subject)], ct))
            .ToLookup(p => p.Subject, StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(time.UtcNow());
        return [.. ids.Select(id =>
        {
            var row = rows[id];
            var d = row.r;
            var officers = AccessRules.MaySeeOfficers(actor, d.RequestingAgencyId);
            string Person(string login, string agency) => officers || agency != row.Requesting ? login : agency;
            var thread = threads[id].Select(m => new MessageView(m.At, Person(m.By, m.Agency), m.Agency, m.Text));
            return new AuthenticationView(d.Id, d.ProductId, row.Brand, row.Name, row.Holder, row.Requesting,
                Person(d.RequestingLogin, row.Requesting), d.Quantity, d.Place, d.Route,
                d.ConsigneeDetails, d.CreatedAt, d.DueOn, d.Verdict is null && d.DueOn < today, d.Verdict?.Name(),
                d.VerdictReasons, d.RepliedAt, d.Outcome?.Name(), d.OutcomeQuantity, d.EstimatedValue, d.Currency,
                d.OutcomeBy is { } by ? Person(by, row.Requesting) : null, d.OutcomeAt, [.. thread],
                [.. photos[Subject(id)]]);
        })];
    }
}
