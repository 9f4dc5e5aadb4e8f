using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Notifications;
using Passerelle.Core.TravelDocuments;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Hits;

/// <summary>
/// A match to open a case for. Matches of one screened item share the same <see cref="Screening"/> instance, which is
/// written once with every case it opened or joined.
/// </summary>
public sealed record HitToOpen(
    TravelDocument Document, MatchKind Kind, string QueriedNumber, string? QueriedState, AuditRecord Screening);

/// <summary>The case a match went to, and how many screenings it now holds.</summary>
public sealed record OpenedCase(Guid Id, int Screenings);

/// <summary>
/// Gives every match a case and tells the owner agency once per case. A record has at most one open case per
/// querying agency: a repeat screening joins it (its count and last screening), so the owner decides once and hears
/// once, by one notification and one webhook delivery. All of it commits with the screening's audit entry, in the
/// audit writer's next batch: a hit costs the batch a few statements, not a transaction and a flush of its own that
/// every other screening would queue behind.
/// </summary>
public sealed class OpenHits(AuditWriter writer, WebhookSignal signal, TimeProvider time)
{
    /// <summary>The filtered unique index that keeps one open case per record and querying agency.</summary>
    public const string OneOpenCaseIndex = "IX_hit_cases_one_open_per_agency";

    /// <summary>Returns the cases, in the order of <paramref name="matches"/>.</summary>
    public async Task<IReadOnlyList<OpenedCase>> OpenAsync(
        Actor actor, string purpose, string? location, IReadOnlyList<HitToOpen> matches, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await writer.CommitWithBatchAsync(
                    (db, token) => StageAsync(db, actor, purpose, location, matches, token), ct);
            }
            catch (DbUpdateException ex) when (attempt < 3 && IsOpenCaseConflict(ex))
            {
                // Another writer opened the same case between our look and our write (the index refused the second
                // one; the writer rolled this change back alone): look again, which now finds that case and joins it.
            }
        }
    }

    /// <summary>
    /// Run by the audit writer under the chain's turn: on PostgreSQL the advisory lock queues this behind any other
    /// change still committing, so the look-up finds the case another screening opened (SQLite's single writer does
    /// the same by itself). The unique index stays the guarantee; the retry above handles what slips past.
    /// </summary>
    private async Task<Staged<IReadOnlyList<OpenedCase>>> StageAsync(
        PasserelleDb db, Actor actor, string purpose, string? location, IReadOnlyList<HitToOpen> matches,
        CancellationToken ct)
    {
        var now = time.UtcNow();
        var agency = actor.AgencyId!.Value;
        var outbox = new Outbox(db, signal);
        var webhooks = await outbox.WebhooksOfAsync(matches.Select(m => m.Document.OwnerAgencyId).Distinct(), ct);
        var documents = matches.Select(m => m.Document.Id).Distinct().ToList();
        var open = await db.HitCases
            .Where(h => documents.Contains(h.DocumentId) && h.QueryingAgencyId == agency && h.Status == HitStatus.Open)
            .ToDictionaryAsync(h => h.DocumentId, ct);
        var cases = new List<HitCase>();
        var deliveries = 0;
        foreach (var match in matches)
        {
            if (open.TryGetValue(match.Document.Id, out var hit))
            {
                Join(db, hit, match, actor, purpose, location, now);
            }
            else
            {
                hit = Open(db, match, actor, purpose, location, now);
                open[match.Document.Id] = hit;
                deliveries += OwnerNotice.Stage(db, outbox, hit, match, actor, purpose, location, now, webhooks);
            }

            cases.Add(hit);
        }

        // By reference: two items of a manifest may be screened alike and still be two consultations.
        var screenings = matches.Select((m, i) => (m.Screening, Case: cases[i].Id))
            .GroupBy(s => s.Screening, (IEqualityComparer<AuditRecord>)ReferenceEqualityComparer.Instance)
            .Select(g => g.Key with
            {
                Details = (g.Key.Details ?? AuditDetails.Empty)
                    .And("case", g.Select(s => s.Case.ToString()).Distinct()),
            });

        // A case joined twice in one batch reports its final count to both items.
        IReadOnlyList<OpenedCase> opened = [.. cases.Select(h => new OpenedCase(h.Id, h.ScreenCount))];
        // As Outbox.Committed: the dispatcher is woken once the deliveries have committed, not before.
        return new(opened, [.. screenings], deliveries > 0 ? signal.Wake : null);
    }

    private static HitCase Open(
        PasserelleDb db, HitToOpen match, Actor actor, string purpose, string? location, DateTime now)
    {
        var hit = new HitCase
        {
            Id = Guid.CreateVersion7(),
            DocumentId = match.Document.Id,
            OwnerAgencyId = match.Document.OwnerAgencyId,
            Match = match.Kind,
            QueriedNumber = match.QueriedNumber,
            QueriedState = match.QueriedState,
            QueryingAgencyId = actor.AgencyId!.Value,
            QueryingUserId = actor.UserId,
            QueryingLogin = actor.Login,
            Purpose = purpose,
            Location = location,
            OpenedAt = now,
            LastScreenedAt = now,
            LastScreenedByUserId = actor.UserId,
            LastScreenedBy = actor.Login,
            Status = HitStatus.Open,
        };
        db.HitCases.Add(hit);
        db.HitCaseEvents.Add(new HitCaseEvent
        {
            CaseId = hit.Id,
            At = now,
            Kind = "opened",
            By = actor.Login,
            Note = Note(match.Kind, purpose, location),
        });
        return hit;
    }

    /// <summary>A repeat screening: counted and on the timeline, and no new word to the owner.</summary>
    private static void Join(
        PasserelleDb db, HitCase hit, HitToOpen match, Actor actor, string purpose, string? location, DateTime now)
    {
        hit.ScreenCount++;
        hit.LastScreenedAt = now;
        hit.LastScreenedByUserId = actor.UserId;
        hit.LastScreenedBy = actor.Login;
        if (match.Kind == MatchKind.Hit)
        {
            hit.Match = MatchKind.Hit;
        }

        db.HitCaseEvents.Add(new HitCaseEvent
        {
            CaseId = hit.Id,
            At = now,
            Kind = "screened-again",
            By = actor.Login,
            Note = Note(match.Kind, purpose, location),
        });
    }

    private static string Note(MatchKind kind, string purpose, string? location) =>
        $"{kind.ToString().ToLowerInvariant()} for {purpose}{(location is null ? "" : $" at {location}")}";

    private static bool IsOpenCaseConflict(DbUpdateException ex) => ex.InnerException switch
    {
        PostgresException pg =>
            pg is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: OneOpenCaseIndex },
        // SQLite names the columns, not the index: "UNIQUE constraint failed: hit_cases.DocumentId, ...".
        SqliteException lite => lite.SqliteExtendedErrorCode == 2067
            && lite.Message.Contains("hit_cases.DocumentId", StringComparison.Ordinal),
        _ => false,
    };
}
