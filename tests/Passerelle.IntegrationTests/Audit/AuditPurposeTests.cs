using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Audit;

/// <summary>Every consultation records why it was made; where the caller gives no purpose, the activity names it.</summary>
public sealed class AuditPurposeTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Product_lookups_and_the_agency_and_webhook_listings_record_a_purpose(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-DOUANE");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        await app.AddUserAsync("FR-DOUANE", "douane.coord", "coordinator");
        var officer = app.ClientWithToken(await app.TokenAsync("douane.officer", "products:lookup"));
        var coordinator = app.ClientWithToken(await app.TokenAsync("douane.coord"));

        // GS1 General Specifications' example GTIN-14 (09506000134352): answered from the catalogue, not the database.
        (await officer.GetAsync("/api/v1/products/lookup?q=09506000134352")).EnsureSuccessStatusCode();
        (await officer.GetAsync("/api/v1/products/lookup?q=lumiere&purpose=%20")).EnsureSuccessStatusCode();
        (await coordinator.GetAsync("/api/v1/agencies")).EnsureSuccessStatusCode();
        (await coordinator.GetAsync("/api/v1/agencies/FR-DOUANE")).EnsureSuccessStatusCode();
        (await coordinator.GetAsync("/api/v1/webhooks")).EnsureSuccessStatusCode();

        await using var context = app.NewContext();
        var entries = await context.AuditEntries.Where(e => e.Operation.EndsWith(".looked-up") || e.Operation.EndsWith(".listed")
            || e.Operation == "agency.viewed").OrderBy(e => e.Sequence).Select(e => new { e.Operation, e.Target, e.Purpose }).ToListAsync();
        Assert.Equal(
            [
                ("product.looked-up", "gtin:09506000134352", "product-lookup"),
                ("product.looked-up", "products", "product-lookup"),
                ("agency.listed", "agencies", "agency-directory"),
                ("agency.viewed", "agency:FR-DOUANE", "agency-directory"),
                ("webhook.listed", "webhooks:FR-DOUANE", "webhook-management"),
            ],
            entries.Select(e => (e.Operation, e.Target, e.Purpose)));
    }
}
