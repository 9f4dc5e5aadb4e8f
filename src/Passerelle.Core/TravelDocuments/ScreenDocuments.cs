using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Access;
using Passerelle.Core.Audit;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Hits;
using Passerelle.Core.Standards;

namespace Passerelle.Core.TravelDocuments;

public sealed record ScreenRequest(string? Mrz = null, string? DocumentNumber = null, string? IssuingState = null, string? DocumentType = null, string? Purpose = null, string? Location = null);

public sealed record ScreenItem(string? Mrz = null, string? DocumentNumber = null, string? IssuingState = null, string? DocumentType = null);

public sealed record ScreenMatch(
    string Match, Guid RecordId, Guid CaseId, string DocumentNumber, string IssuingState, string DocumentType, string Status,
    string OwnerAgency, DateOnly ReportedOn, DateOnly? TheftOrLossOn, DateOnly? ExpiresOn, HolderView? Holder);

/// <summary>
/// <c>hit</c>, <c>possible</c> or <c>clear</c> (or <c>invalid</c> for a bad item of a batch). A minimal screening
/// carries the result alone.
/// </summary>
public sealed record ScreenResult(
    string Result,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ScreenMatch>? Matches = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MrzView? Mrz = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Warnings = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Error? Error = null);

/// <summary>
/// Screens documents against the in-memory index. A clear answer touches no table but the audit trail; a match is
/// read back from the database, opens a hit case and tells the owner at once. Every screening is one audit entry
/// holding its purpose, durable before the answer leaves.
/// </summary>
public sealed class ScreenDocuments(PasserelleDb db, ScreeningIndex index, AuditWriter audit, OpenHits hits, TimeProvider time)
{
    public const int MaxBatch = 10_000;

    public async Task<Result<ScreenResult>> ScreenAsync(Actor actor, ScreenRequest request, CancellationToken ct)
    {
        var refused = await RefuseAsync(actor, request.Purpose, request.Location, ct);
        if (refused is not null)
        {
            return refused;
        }

        var results = await ScreenManyAsync(actor, request.Purpose!.Trim(), request.Location, [new ScreenItem(request.Mrz, request.DocumentNumber, request.IssuingState, request.DocumentType)], ct);
        return results[0].Error is { } error ? error : results[0];
    }

    public async Task<Result<IReadOnlyList<ScreenResult>>> ScreenBatchAsync(Actor actor, string? purpose, string? location, IReadOnlyList<ScreenItem> items, CancellationToken ct)
    {
        var refused = await RefuseAsync(actor, purpose, location, ct);
        if (refused is not null)
        {
            return refused;
        }

        if (items.Count is 0 or > MaxBatch)
        {
            return Error.Invalid("screen.batch-size", $"A batch holds 1 to {MaxBatch} items; this one has {items.Count}.", "items");
        }

        return Result<IReadOnlyList<ScreenResult>>.From(await ScreenManyAsync(actor, purpose!.Trim(), location, items, ct));
    }

    private async Task<Error?> RefuseAsync(Actor actor, string? purpose, string? location, CancellationToken ct)
    {
        if (!AccessRules.MayScreen(actor))
        {
            return await audit.DenyAsync(actor, "documents:screen", ct, "Screening is for officers, investigators and coordinators of law-enforcement agencies.");
        }

        return new Validation()
            .Require(!string.IsNullOrWhiteSpace(purpose) && purpose.Length <= 100, "purpose", "screen.purpose", "Say why you screen, such as border-check (at most 100 characters): the law requires it.")
            .Require(location is null || location.Length <= 200, "location", "screen.location", "The location is at most 200 characters.")
            .ToError();
    }

    private async Task<IReadOnlyList<ScreenResult>> ScreenManyAsync(Actor actor, string purpose, string? location, IReadOnlyList<ScreenItem> items, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.UtcNow());
        var prepared = items.Select(item => Prepare(item, today)).ToList();
        var suspects = Enumerable.Range(0, prepared.Count)
            .Where(i => prepared[i].Error is null && index.Candidates(prepared[i].Number, prepared[i].State, today) > 0)
            .ToList();
        var records = await LoadAsync(suspects.Select(i => DocumentNames.Fold(prepared[i].Number)).Distinct().ToList(), today, ct);
        var confirmed = suspects
            .SelectMany(i => records.Where(r => r.Document.FoldedNumber == DocumentNames.Fold(prepared[i].Number))
                .Select(r => (Item: i, Kind: Kind(r.Document, prepared[i]), r.Document, r.Owner)))
            .Where(c => c.Kind is not null)
            .Select(c => (c.Item, Kind: c.Kind!.Value, c.Document, c.Owner))
            .ToList();

        // One entry per screened item, shared by every record it matched (two agencies may each hold the document):
        // a screening is one consultation, whatever it found, and its entry names each case it opened.
        var matchedEntries = confirmed.GroupBy(c => c.Item).ToDictionary(g => g.Key, g => Entry(actor, prepared[g.Key],
            purpose, location, g.Any(c => c.Kind == MatchKind.Hit) ? MatchKind.Hit : MatchKind.Possible));
        var toOpen = confirmed.Select(c =>
            new HitToOpen(c.Document, c.Kind, prepared[c.Item].Number, prepared[c.Item].State, matchedEntries[c.Item]));
        var opened = confirmed.Count == 0 ? [] : await hits.OpenAsync(actor, purpose, location, [.. toOpen], ct);
        var matchedItems = confirmed.Select(c => c.Item).ToHashSet();
        var clearEntries = prepared.Select((p, i) => (p, i)).Where(x => x.p.Error is null && !matchedItems.Contains(x.i))
            .Select(x => Entry(actor, x.p, purpose, location, null)).ToList();
        await audit.AppendAsync(clearEntries, ct);

        var minimal = AccessRules.ScreensMinimally(actor);
        var holder = AccessRules.MaySeeHolder(actor);
        return prepared.Select((p, i) =>
        {
            if (p.Error is not null)
            {
                return new ScreenResult("invalid", Error: p.Error);
            }

            var mine = confirmed.Select((c, k) => (c, k)).Where(x => x.c.Item == i).ToList();
            var result = mine.Any(x => x.c.Kind == MatchKind.Hit) ? "hit" : mine.Count > 0 ? "possible" : "clear";
            if (minimal)
            {
                return new ScreenResult(result);
            }

            var matches = mine.Select(x => View(x.c.Document, x.c.Owner, x.c.Kind, opened[x.k], holder)).ToList();
            return new ScreenResult(result, matches, p.Mrz, p.Warnings.Count > 0 ? p.Warnings : null);
        }).ToList();
    }

    private static AuditRecord Entry(Actor actor, Prepared p, string purpose, string? location, MatchKind? kind) =>
        AuditRecord.For(actor, AuditEvent.DocumentScreened, target: $"document:{p.State ?? "?"}/{p.Number}", purpose: purpose,
            details: AuditDetails.With("result", kind is null ? "clear" : kind == MatchKind.Hit ? "hit" : "possible").And("location", location));

    private static ScreenMatch View(TravelDocument d, string owner, MatchKind kind, Guid caseId, bool holder) => new(
        kind == MatchKind.Hit ? "hit" : "possible", d.Id, caseId, d.Number, d.IssuingState, d.Type.Name(), d.Status.Name(), owner,
        d.ReportedOn, d.TheftOrLossOn, d.ExpiresOn,
        holder && (d.HolderName is not null || d.HolderBirthDate is not null) ? new HolderView(d.HolderName, d.HolderBirthDate) : null);

    /// <summary>
    /// The stored record decides: a hit when the number and the issuing state match exactly; possible when they match
    /// only after folding, or when no state was given; no match for another state's record.
    /// </summary>
    private static MatchKind? Kind(TravelDocument d, Prepared p) =>
        p.State is null ? MatchKind.Possible
        : d.IssuingState != p.State ? null
        : d.NormalizedNumber == p.Number ? MatchKind.Hit
        : MatchKind.Possible;

    private async Task<List<(TravelDocument Document, string Owner)>> LoadAsync(List<string> folded, DateOnly today, CancellationToken ct)
    {
        if (folded.Count == 0)
        {
            return [];
        }

        var rows = await (
            from d in db.TravelDocuments.AsNoTracking()
            join a in db.Agencies on d.OwnerAgencyId equals a.Id
            where folded.Contains(d.FoldedNumber) && d.DeletedAt == null && d.Status != DocumentStatus.Recovered && d.ReviewOn >= today
            select new { d, a.Code }).ToListAsync(ct);
        return [.. rows.Select(r => (r.d, r.Code))];
    }

    private static Prepared Prepare(ScreenItem item, DateOnly today)
    {
        if (!string.IsNullOrWhiteSpace(item.Mrz))
        {
            var parsed = MrzParser.Parse(item.Mrz, today);
            if (!parsed.Succeeded)
            {
                return Prepared.Invalid(parsed.Error!);
            }

            var mrz = parsed.Value!;
            var warnings = new List<string>();
            if (!mrz.Valid)
            {
                var failed = MrzView.Of(mrz).Checks.Where(c => !c.Value).Select(c => c.Key);
                warnings.Add($"Check digits fail ({string.Join(", ", failed)}): a faulty genuine document or a forgery. Examine the document.");
            }

            warnings.AddRange(mrz.Warnings);
            return new Prepared(DocumentNames.Normalize(mrz.DocumentNumber), mrz.IssuingState, DocumentNames.FromMrzCode(mrz.DocumentCode), MrzView.Of(mrz), warnings, null);
        }

        var number = DocumentNames.Normalize(item.DocumentNumber ?? "");
        var state = string.IsNullOrWhiteSpace(item.IssuingState) ? null : CountryCodes.Normalize(item.IssuingState);
        var type = DocumentType.Other;
        var invalid = new Validation()
            .Require(DocumentNames.IsValidNumber(number), "documentNumber", "screen.number", "Give an MRZ, or a document number of 1 to 20 letters and digits.")
            .Require(state is null || CountryCodes.IsKnown(state), "issuingState", "screen.issuing-state", CountryCodes.Explain(item.IssuingState ?? ""))
            .Require(item.DocumentType is null || DocumentNames.TryType(item.DocumentType, out type), "documentType", "screen.type", $"documentType is one of {string.Join(", ", DocumentNames.TypeNames)}.")
            .ToError();
        return invalid is null ? new Prepared(number, state, item.DocumentType is null ? null : type, null, [], null) : Prepared.Invalid(invalid);
    }

    private sealed record Prepared(string Number, string? State, DocumentType? Type, MrzView? Mrz, List<string> Warnings, Error? Error)
    {
        public static Prepared Invalid(Error error) => new("", null, null, null, [], error);
    }
}
