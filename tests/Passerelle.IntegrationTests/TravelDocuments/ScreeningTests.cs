using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

public sealed class ScreeningTests
{
    // ICAO Doc 9303 Part 4, Appendix A: the TD3 specimen passport, document L898902C3.
    private const string Eriksson =
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_exact_number_is_a_hit_a_confusable_one_possible_and_anything_else_clear(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var id = await world.RegisterAsync("L898902C3");
        await world.RegisterAsync("AB1234567", state: "FRA");

        var hit = await RegisterWorld.ScreenAsync(world.CustomsOfficer,
            new { mrz = Eriksson, purpose = "border-check", location = "CDG T2" });
        var possible = await RegisterWorld.ScreenAsync(world.CustomsOfficer,
            new { documentNumber = "AB12345G7", issuingState = "FRA", purpose = "border-check" });
        var confusable = await RegisterWorld.ScreenAsync(world.CustomsOfficer,
            new { documentNumber = "L898902C3".Replace('0', 'O'), issuingState = "UTO", purpose = "border-check" });
        var stateless = await RegisterWorld.ScreenAsync(world.CustomsOfficer,
            new { documentNumber = "L898902C3", purpose = "border-check" });
        var clear = await RegisterWorld.ScreenAsync(world.CustomsOfficer,
            new { documentNumber = "ZZ9999999", issuingState = "UTO", purpose = "border-check" });
        var otherState = await RegisterWorld.ScreenAsync(world.CustomsOfficer,
            new { documentNumber = "L898902C3", issuingState = "BEL", purpose = "border-check" });

        Assert.Equal("hit", hit.GetProperty("result").GetString());
        var match = hit.GetProperty("matches")[0];
        Assert.Equal(id, match.GetProperty("recordId").GetGuid());
        Assert.Equal(("stolen", "passport", "FR-POLICE"),
            (match.GetProperty("status").GetString(), match.GetProperty("documentType").GetString(),
                match.GetProperty("ownerAgency").GetString()));
        Assert.Equal("ERIKSSON ANNA MARIA", match.GetProperty("holder").GetProperty("name").GetString());
        Assert.True(hit.GetProperty("mrz").GetProperty("valid").GetBoolean());
        Assert.Equal("possible", possible.GetProperty("result").GetString());
        Assert.Equal("possible", confusable.GetProperty("result").GetString());
        Assert.Equal("possible", stateless.GetProperty("result").GetString());
        Assert.Equal("clear", clear.GetProperty("result").GetString());
        Assert.Equal("clear", otherState.GetProperty("result").GetString());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Failed_check_digits_come_with_a_warning(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");

        var forged = await RegisterWorld.ScreenAsync(world.CustomsOfficer,
            new { mrz = Eriksson.Replace("7408122", "7408132", StringComparison.Ordinal), purpose = "border-check" });

        Assert.Equal("hit", forged.GetProperty("result").GetString());
        Assert.False(forged.GetProperty("mrz").GetProperty("checks").GetProperty("birthDate").GetBoolean());
        Assert.Contains("forgery", forged.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_screening_without_a_purpose_is_a_400_and_is_not_answered(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");

        var response = await world.CustomsOfficer.PostAsJsonAsync("/api/v1/documents/screen", new { mrz = Eriksson });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("screen.purpose", problem.GetProperty("code").GetString());
        Assert.False(problem.TryGetProperty("result", out _));
        await using var context = app.NewContext();
        Assert.False(await context.HitCases.AnyAsync());
    }

    /// <summary>A NUL in the purpose would fail the audit batch it joined on PostgreSQL, for everyone in it.</summary>
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_purpose_holding_a_nul_is_a_400_and_is_not_answered(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");

        var response = await world.CustomsOfficer.PostAsJsonAsync(
            "/api/v1/documents/screen", new { mrz = Eriksson, purpose = "border-check\0" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("screen.purpose", problem.GetProperty("code").GetString());
        await using var context = app.NewContext();
        Assert.False(await context.HitCases.AnyAsync());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_minimal_token_learns_the_result_and_nothing_else(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");

        var response = await world.Airline.PostAsJsonAsync("/api/v1/documents/screen",
            new { mrz = Eriksson, purpose = "check-in" });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(["result"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("hit", json.RootElement.GetProperty("result").GetString());
        Assert.DoesNotContain("ERIKSSON", body, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Each_screening_is_one_audit_entry_holding_its_purpose(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");

        await RegisterWorld.ScreenAsync(world.CustomsOfficer, new { mrz = Eriksson, purpose = "border-check" });
        await RegisterWorld.ScreenAsync(world.CustomsOfficer,
            new { documentNumber = "X1", issuingState = "UTO", purpose = "secondary-inspection" });

        await using var context = app.NewContext();
        var screenings = await context.AuditEntries.Where(e => e.Operation == "document.screened")
            .OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(2, screenings.Count);
        Assert.Equal(["border-check", "secondary-inspection"], screenings.Select(e => e.Purpose));
        Assert.All(screenings, e => Assert.Equal("douane.officer", e.Login));
        Assert.Contains("\"result\":\"hit\"", screenings[0].Details, StringComparison.Ordinal);
        Assert.Contains("\"result\":\"clear\"", screenings[1].Details, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_MRZ_line_of_the_wrong_length_is_a_400_naming_the_line_and_its_length(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);

        var response = await world.CustomsOfficer.PostAsJsonAsync("/api/v1/documents/screen",
            new { mrz = Eriksson[..^1], purpose = "border-check" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("mrz.line-length", problem.GetProperty("code").GetString());
        Assert.Contains("Line 2 has 43 characters", problem.GetProperty("detail").GetString(),
            StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_manifest_is_screened_in_order_as_JSON_or_CSV_and_10001_items_are_refused(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");

        var json = await world.CustomsOfficer.PostAsJsonAsync("/api/v1/documents/screen/batch", new
        {
            purpose = "advance-passenger-information",
            items = new object[] { new { documentNumber = "X1", issuingState = "UTO" }, new { mrz = Eriksson },
                new { documentNumber = "!" } },
        });
        var results = await json.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["clear", "hit", "invalid"],
            results.EnumerateArray().Select(r => r.GetProperty("result").GetString()));
        // The bad item says what is wrong by name, as a problem would.
        var bad = results[2].GetProperty("error");
        Assert.Equal("screen.number", bad.GetProperty("code").GetString());
        Assert.Equal("invalid", bad.GetProperty("kind").GetString());

        var csv = "documentNumber,issuingState\nL898902C3,UTO\nL8989O2C3,UTO\nQ1,UTO\n";
        var fromCsv = await world.CustomsOfficer.PostAsync("/api/v1/documents/screen/batch?purpose=manifest",
            new StringContent(csv, Encoding.UTF8, "text/csv"));
        var csvResults = await fromCsv.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["hit", "possible", "clear"],
            csvResults.EnumerateArray().Select(r => r.GetProperty("result").GetString()));

        var tooMany = Enumerable.Range(0, 10_001).Select(i => new { documentNumber = $"N{i}" }).ToArray();
        var refused = await world.CustomsOfficer.PostAsJsonAsync("/api/v1/documents/screen/batch",
            new { purpose = "manifest", items = tooMany });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("screen.batch-size",
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }
}
