using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Audit;

/// <summary>An entry's details are a JSON object of named fields; what a user typed is one field's value.</summary>
public sealed class AuditDetailsTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_typed_query_that_imitates_fields_is_recorded_as_the_query_alone(Db db)
    {
        const string typed = "lumiere; role=admin\",\"x\":\"y";
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-DOUANE");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        var officer = app.ClientWithToken(await app.TokenAsync("douane.officer", "products:lookup"));

        (await officer.GetAsync($"/api/v1/products/lookup?q={Uri.EscapeDataString(typed)}")).EnsureSuccessStatusCode();
        var verify = await app.ClientWithToken(await AuditorTokenAsync(app)).PostAsync("/api/v1/audit/verify", null);

        await using var context = app.NewContext();
        var stored = await context.AuditEntries.Where(e => e.Operation == "product.looked-up").Select(e => e.Details).SingleAsync();
        var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(stored!)!;
        Assert.Equal(["query", "results"], fields.Keys);
        Assert.Equal(typed, fields["query"].GetString());
        Assert.True((await JsonDocument.ParseAsync(await verify.Content.ReadAsStreamAsync())).RootElement.GetProperty("intact").GetBoolean());
    }

    private static async Task<string> AuditorTokenAsync(TestApp app)
    {
        await app.AddUserAsync("FR-DOUANE", "dpo", "auditor");
        return await app.TokenAsync("dpo", "audit:read");
    }
}
