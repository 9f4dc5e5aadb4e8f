using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.TravelDocuments;
using Passerelle.Core.Trust.Access;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

/// <summary>
/// The database itself keeps every record's owner an agency that exists: a foreign key on SQLite, statement triggers
/// on PostgreSQL, whether a record comes alone through EF Core or by the thousand from an import.
/// </summary>
public sealed class RecordOwnerTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_record_naming_no_agency_is_refused_alone_or_in_a_batch(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-POLICE", "police");
        await using var setup = app.NewContext();
        var owner = (await setup.Agencies.SingleAsync(a => a.Code == "FR-POLICE")).Id;

        await using (var context = app.NewContext())
        {
            context.TravelDocuments.Add(Record(Guid.NewGuid(), "ALONE0001"));
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }

        await using (var context = app.NewContext())
        {
            // SQLite's bulk writer binds the first record's owner to the whole batch; PostgreSQL copies each one's.
            var writes = new ImportWrites(
                [Record(Guid.NewGuid(), "ORPHAN001"), Record(owner, "GOOD00001")], [], [], [], "import",
                DateTime.UtcNow);
            await using var transaction = await context.Database.BeginTransactionAsync();
            await Assert.ThrowsAnyAsync<DbException>(() => BulkDocuments.WriteAsync(context, writes, default));
        }

        await using var after = app.NewContext();
        Assert.Equal(0, await after.TravelDocuments.CountAsync());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_agency_is_deleted_only_while_it_owns_no_record(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-GENDARMERIE", "police");
        await app.AddAgencyAsync("FR-EMPTY", "police");
        await app.RunAsync<ImportDocuments, ImportReport>(h => h.HandleAsync(Actor.Console(), "FR-GENDARMERIE",
            new StringReader("documentNumber,issuingState,documentType,status\nL898902C3,UTO,passport,stolen\n"),
            null, default));
        await using var context = app.NewContext();

        var owning = context.Agencies.Where(a => a.Code == "FR-GENDARMERIE").ExecuteDeleteAsync();

        await Assert.ThrowsAnyAsync<DbException>(() => owning);
        Assert.Equal(1, await context.Agencies.CountAsync(a => a.Code == "FR-GENDARMERIE"));
        Assert.Equal(1, await context.Agencies.Where(a => a.Code == "FR-EMPTY").ExecuteDeleteAsync());
    }

    private static TravelDocument Record(Guid owner, string number) => RegisterDocument.NewRecord(
        owner, number, "FRA", DocumentType.Passport, DocumentStatus.Stolen,
        new RegisterDocumentRequest(number, "FRA", "passport", "stolen"), new DateOnly(2026, 9, 1), 10,
        DateTime.UtcNow, "test");
}
