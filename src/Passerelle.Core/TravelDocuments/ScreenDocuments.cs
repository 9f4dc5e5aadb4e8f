using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Hits;
using Passerelle.Core.Standards;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.TravelDocuments;

public sealed record ScreenRequest(
    string? Mrz = null, string? DocumentNumber = null, string? IssuingState = null, string? DocumentType = null,
    string? Purpose = null, string? Location = null);

public sealed record ScreenItem(
    string? Mrz = null, string? DocumentNumber = null, string? IssuingState = null, string? DocumentType = null);

/// <param name="Screenings">How many screenings the case holds, this one included.</param>
public sealed record ScreenMatch(
    MatchKind Match, Guid RecordId, Guid CaseId, string DocumentNumber, string IssuingState, string DocumentType,
    string Status, string OwnerAgency, DateOnly ReportedOn, DateOnly? TheftOrLossOn, DateOnly? ExpiresOn,
    HolderView? Holder, int Screenings = 1);

/// <summary>
/// The register's answer (<see cref="ScreeningOutcome"/>): <c>hit</c>, <c>possible</c> or <c>clear</c>, or
/// <c>invalid</c> for a bad item of a batch.
/// Beside it, <c>documentCheck</c> is what the document says of itself (<see cref="Standards.DocumentCheck"/>):
/// <c>pass</c>, <c>fail</c> with its reasons, or <c>not-checked</c> for a typed number. A minimal screening carries
/// the result alone.
/// </summary>
public sealed record ScreenResult(
    ScreeningOutcome Result,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ScreenMatch>? Matches = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MrzView? Mrz = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Warnings = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Error? Error = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DocumentCheck = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<DocumentCheckReason>? DocumentCheckReasons = null);

/// <summary>
/// Screens documents against the in-memory index. A clear answer touches no table but the audit trail; a match is
/// read back from the database, and opens a hit case (or is added to the one its agency already has open) that
/// tells the owner. Every screening is one audit entry holding its purpose, durable before the answer leaves.
/// </summary>
public sealed class ScreenDocuments(
    PasserelleDb db, ScreeningIndex index, AuditWriter audit, OpenHits hits, TimeProvider time)
{
    public const int MaxBatch = 10_000;

    private const string Unstorable = "This text holds a NUL or half of a surrogate pair; send it as plain text.";

    public async Task<Result<ScreenResult>> ScreenAsync(Actor actor, ScreenRequest request, CancellationToken ct)
    {
        var refused = await RefuseAsync(actor, request.Purpose, request.Location, ct);
        if (refused is not null)
        {
            return refused;
        }

        var item = new ScreenItem(request.Mrz, request.DocumentNumber, request.IssuingState, request.DocumentType);
        var results = await ScreenManyAsync(actor, request.Purpose!.Trim(), request.Location, [item], ct);
        return results[0].Error is { } error ? error : results[0];
    }

    public async Task<Result<IReadOnlyList<ScreenResult>>> ScreenBatchAsync(
        Actor actor, string? purpose, string? location, IReadOnlyList<ScreenItem> items, CancellationToken ct)
    {
        var refused = await RefuseAsync(actor, purpose, location, ct);
        if (refused is not null)
        {
            return refused;
        }

        if (items.Count is 0 or > MaxBatch)
        {
            return TravelDocumentErrors.ScreenBatchSize.With(
                $"A batch holds 1 to {MaxBatch} items; this one has {items.Count}.", "items");
        }

        return Result<IReadOnlyList<ScreenResult>>.From(
            await ScreenManyAsync(actor, purpose!.Trim(), location, items, ct));
    }

    private async Task<Error?> RefuseAsync(Actor actor, string? purpose, string? location, CancellationToken ct)
    {
        if (!AccessRules.MayScreen(actor))
        {
            return await audit.DenyAsync(actor, "documents:screen", ct,
                "Screening is for officers, investigators and coordinators of law-enforcement agencies.");
        }

        return new Validation()
            .Require(!string.IsNullOrWhiteSpace(purpose) && purpose.Length <= 100, "purpose",
                TravelDocumentErrors.ScreenPurpose,
                "Say why you screen, such as border-check (at most 100 characters): the law requires it.")
            .Require(location is null || location.Length <= 200, "location", TravelDocumentErrors.ScreenLocation,
                "The location is at most 200 characters.")
            .Require(StoredText.IsStorable(purpose), "purpose", TravelDocumentErrors.ScreenPurpose, Unstorable)
            .Require(StoredText.IsStorable(location), "location", TravelDocumentErrors.ScreenLocation, Unstorable)
            .ToError();
    }

    private async Task<IReadOnlyList<ScreenResult>> ScreenManyAsync(
        Actor actor, string purpose, string? location, IReadOnlyList<ScreenItem> items, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.UtcNow());
        var prepared = items.Select(item => ScreeningInput.Prepare(item, today)).ToList();
        var suspects = Enumerable.Range(0, prepared.Count)
            .Where(i => prepared[i].Error is null && index.Candidates(prepared[i].Number, prepared[i].State, today) > 0)
            .ToList();
        var minimal = AccessRules.ScreensMinimally(actor);
        if (suspects.Count == 0)
        {
            // A border's usual answer: nothing in the register comes near, so there is no record to read and no case.
            var entries = prepared.Where(p => p.Error is null)
                .Select(p => Entry(actor, p, purpose, location, ScreeningOutcome.Clear));
            await audit.AppendAsync([.. entries], ct);
            return [.. prepared.Select(p => Answer(p, ScreeningOutcome.Clear, minimal, []))];
        }

        var folded = suspects.Select(i => DocumentNames.Fold(prepared[i].Number)).Distinct().ToList();
        var records = await LoadAsync(folded, today, ct);
        var confirmed = suspects
            .SelectMany(i => records.Where(r => r.Document.FoldedNumber == DocumentNames.Fold(prepared[i].Number))
                .Select(r => (Item: i, Kind: Kind(r.Document, prepared[i]), r.Document, r.Owner)))
            .Where(c => c.Kind is not null)
            .Select(c => (c.Item, Kind: c.Kind!.Value, c.Document, c.Owner))
            .ToList();

        // One entry per screened item, shared by every record it matched (two agencies may each hold the document):
        // a screening is one consultation, whatever it found, and its entry names each case it opened or joined.
        var matchedEntries = confirmed.GroupBy(c => c.Item).ToDictionary(g => g.Key, g => Entry(actor, prepared[g.Key],
            purpose, location, g.Select(c => c.Kind).Outcome()));
        var toOpen = confirmed.Select(c => new HitToOpen(
            c.Document, c.Kind, prepared[c.Item].Number, prepared[c.Item].State, matchedEntries[c.Item]));
        var matchedItems = confirmed.Select(c => c.Item).ToHashSet();
        var clearEntries = prepared.Where((p, i) => p.Error is null && !matchedItems.Contains(i))
            .Select(p => Entry(actor, p, purpose, location, ScreeningOutcome.Clear)).ToList();
        // The cases first: a manifest whose cases could not be opened is not answered, and logs no clear entries.
        var opened = confirmed.Count == 0 ? [] : await hits.OpenAsync(actor, purpose, location, [.. toOpen], ct);
        await audit.AppendAsync(clearEntries, ct);

        var holder = AccessRules.MaySeeHolder(actor);
        return prepared.Select((p, i) =>
        {
            var mine = confirmed.Select((c, k) => (c, k)).Where(x => x.c.Item == i).ToList();
            return Answer(p, mine.Select(x => x.c.Kind).Outcome(), minimal,
                [.. mine.Select(x => View(x.c.Document, x.c.Owner, x.c.Kind, opened[x.k], holder))]);
        }).ToList();
    }

    private static ScreenResult Answer(
        ScreeningInput p, ScreeningOutcome result, bool minimal, IReadOnlyList<ScreenMatch> matches) =>
        p.Error is not null ? new ScreenResult(ScreeningOutcome.Invalid, Error: p.Error)
        : minimal ? new ScreenResult(result)
        : new ScreenResult(result, matches, p.Mrz, p.Warnings.Count > 0 ? p.Warnings : null,
            DocumentCheck: p.Check.Status, DocumentCheckReasons: p.Check.Reasons);

    private static AuditRecord Entry(
        Actor actor, ScreeningInput p, string purpose, string? location, ScreeningOutcome outcome) =>
        AuditRecord.For(actor, AuditEvent.DocumentScreened, target: AuditTarget.Document(p.State, p.Number),
            purpose: purpose,
            details: AuditDetails.With("result", outcome.Name())
                .And("documentCheck", p.Check.Status).And("location", location));

    private static ScreenMatch View(TravelDocument d, string owner, MatchKind kind, OpenedCase hit, bool holder) => new(
        kind, d.Id, hit.Id, d.Number, d.IssuingState, d.Type.Name(),
        d.Status.Name(), owner, d.ReportedOn, d.TheftOrLossOn, d.ExpiresOn,
        holder && (d.HolderName is not null || d.HolderBirthDate is not null)
            ? new HolderView(d.HolderName, d.HolderBirthDate) : null,
        hit.Screenings);

    /// <summary>
    /// The stored record decides: a hit when the number and the issuing state match exactly; possible when they match
    /// only after folding, or when no state was given; no match for another state's record.
    /// </summary>
    private static MatchKind? Kind(TravelDocument d, ScreeningInput p) =>
        p.State is null ? MatchKind.Possible
        : d.IssuingState != p.State ? null
        : d.NormalizedNumber == p.Number ? MatchKind.Hit
        : MatchKind.Possible;

    private async Task<List<(TravelDocument Document, string Owner)>> LoadAsync(
        List<string> folded, DateOnly today, CancellationToken ct)
    {
        if (folded.Count == 0)
        {
            return [];
        }

        var rows = await (
            from d in db.TravelDocuments.AsNoTracking().ScreenableOn(today)
            join a in db.Agencies on d.OwnerAgencyId equals a.Id
            where folded.Contains(d.FoldedNumber)
            select new { d, a.Code }).ToListAsync(ct);
        return [.. rows.Select(r => (r.d, r.Code))];
    }
}
