using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.TravelDocuments;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

/// <summary>
/// A record as an import writes it: every column as the file gave it, and a history whose first line is the import,
/// read from the record itself since an import writes no revision for a record it makes.
/// </summary>
public sealed class ImportedRecordTests
{
    private const string Header = "documentNumber,issuingState,documentType,status,reportedOn\n";

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_imported_record_s_history_begins_with_its_import_and_lists_each_change_after(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        await world.ImportAsync(Header + "NEW000001,FRA,visa,stolen,2026-09-01\n");

        await world.ImportAsync(Header + "NEW000001,FRA,visa,revoked,2026-09-01\n");

        await using var context = app.NewContext();
        var record = await context.TravelDocuments.SingleAsync();
        Assert.Equal(
            [
                ("created", 1, "imported (created)", "police.coord"),
                ("changed", 2, "imported (changed)", "police.coord"),
            ],
            await HistoryAsync(world, record.Id));
        Assert.Equal(1, await context.TravelDocumentRevisions.CountAsync());
        var detail = await world.PoliceCoordinator.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{record.Id}");
        Assert.Equal(record.CreatedAt, detail.GetProperty("history")[0].GetProperty("changedAt").GetDateTime());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Every_column_of_an_imported_record_reads_back_as_the_file_gave_it(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var before = DateTime.UtcNow;

        await world.ImportAsync(DocumentCsv.Header + "\n\"Ab-12 345\",fra,identity-card,stolen,2020-01-31,2030-01-30,"
            + "2026-09-01,2026-08-31,PV-2026-ÉTÉ,2036-09-01,vu à la frontière,Müller Élodie,1974-08-12\n");

        await using var context = app.NewContext();
        var d = await context.TravelDocuments.SingleAsync();
        Assert.Equal(
            ("AB12345", "AB12345", "A812345", "FRA", DocumentType.IdentityCard, DocumentStatus.Stolen),
            (d.Number, d.NormalizedNumber, d.FoldedNumber, d.IssuingState, d.Type, d.Status));
        Assert.Equal(
            (new DateOnly(2020, 1, 31), new DateOnly(2030, 1, 30), new DateOnly(2026, 9, 1), new DateOnly(2026, 8, 31)),
            (d.IssuedOn, d.ExpiresOn, d.ReportedOn, d.TheftOrLossOn));
        Assert.Equal(
            ("PV-2026-ÉTÉ", new DateOnly(2036, 9, 1), "vu à la frontière", "MÜLLER ÉLODIE",
                new DateOnly(1974, 8, 12)),
            (d.NationalReference, d.ReviewOn, d.Remarks, d.HolderName, d.HolderBirthDate));
        var entry = await context.AuditEntries.SingleAsync(e => e.Operation == "document.imported");
        Assert.Equal(
            (1, (DateTime?)null, (string?)null, entry.Sequence, "police.coord", d.CreatedAt),
            (d.Version, d.DeletedAt, d.DeletionReason, d.ChangeSequence, d.CreatedBy, d.UpdatedAt));
        Assert.Equal(DateTimeKind.Utc, d.CreatedAt.Kind);
        Assert.InRange(d.CreatedAt, before.AddSeconds(-1), DateTime.UtcNow);
        Assert.Equal(d.Id, await context.TravelDocuments.Where(r => r.OwnerAgencyId == d.OwnerAgencyId)
            .Join(context.Agencies.Where(a => a.Code == "FR-POLICE"), r => r.OwnerAgencyId, a => a.Id, (r, _) => r.Id)
            .SingleAsync());
    }

    internal static async Task<List<(string, int, string, string)>> HistoryAsync(RegisterWorld world, Guid id)
    {
        var detail = await world.PoliceCoordinator.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}");
        return [.. detail.GetProperty("history").EnumerateArray().Select(h => (
            h.GetProperty("kind").GetString()!, h.GetProperty("version").GetInt32(),
            h.GetProperty("changes").GetString()!, h.GetProperty("changedBy").GetString()!))];
    }
}
