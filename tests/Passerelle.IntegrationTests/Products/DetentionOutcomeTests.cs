using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Access;
using Passerelle.Core.Agencies;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Products;

/// <summary>
/// The outcome of a detention: recorded once the rights holder has answered (or let its deadline pass), chosen by the
/// officer with no default, and corrected only by its author within 24 hours, each refusal leaving everything as it was.
/// </summary>
public sealed class DetentionOutcomeTests
{
    private sealed record World(TestApp App, AdjustableTime Time, HttpClient Brand, HttpClient Officer, HttpClient Coordinator, Guid Request);

    /// <summary>A verified rights holder's published perfume; 240 bottles detained by a French customs officer.</summary>
    private static async Task<World> WorldAsync(Db db)
    {
        var time = new AdjustableTime();
        var app = await TestApp.StartAsync(db, replace: services => services.AddSingleton<TimeProvider>(time));
        await app.AddAgencyAsync("RH-LUMIERE", "rights-holder");
        await app.AddAgencyAsync("FR-DOUANE", "customs");
        await app.RunAsync<VerifyRightsHolder, AgencySummary>(h => h.HandleAsync(Actor.Console(), "RH-LUMIERE", "Checked.", default));
        await app.AddUserAsync("RH-LUMIERE", "lumiere.brand", "rights-holder");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        await app.AddUserAsync("FR-DOUANE", "douane.coordinator", "coordinator");
        var brand = app.ClientWithToken(await app.TokenAsync("lumiere.brand"));
        var officer = app.ClientWithToken(await app.TokenAsync("douane.officer"));
        var coordinator = app.ClientWithToken(await app.TokenAsync("douane.coordinator"));
        var sheet = new { brand = "Lumière", name = "Eau de parfum", gtins = new[] { "6291041500213" }, hsCode = "330300" };
        var product = (await (await brand.PostAsJsonAsync("/api/v1/products", sheet)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await brand.PostAsync($"/api/v1/products/{product}/publish", null)).EnsureSuccessStatusCode();
        var created = await officer.PostAsJsonAsync("/api/v1/authentications", new { productId = product, quantity = 240, place = "Le Havre" });
        var request = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return new World(app, time, brand, officer, coordinator, request);
    }

    private static async Task AnswerAsync(World w) =>
        (await w.Brand.PostAsJsonAsync($"/api/v1/authentications/{w.Request}/reply", new { verdict = "counterfeit", reasons = "No hologram." }))
            .EnsureSuccessStatusCode();

    private static Task<HttpResponseMessage> RecordAsync(HttpClient client, World w, object outcome) =>
        client.PostAsJsonAsync($"/api/v1/authentications/{w.Request}/outcome", outcome);

    private static async Task<string> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

    /// <summary>What an outcome writes: the stored outcome, its audit entries and the rights holder's notifications.</summary>
    private static async Task<(string? Outcome, int? Quantity, decimal? Value, string? Currency, int Entries, int Notes)> WrittenAsync(World w)
    {
        await using var context = w.App.NewContext();
        var r = await context.AuthenticationRequests.SingleAsync(x => x.Id == w.Request);
        var entries = await context.AuditEntries.CountAsync(e => e.Operation.StartsWith("detention.outcome"));
        var notes = await context.Notifications.CountAsync(n => n.Kind.StartsWith("authentication.outcome"));
        return (r.Outcome?.ToString(), r.OutcomeQuantity, r.EstimatedValue, r.Currency, entries, notes);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_outcome_before_the_rights_holder_answers_is_a_409_and_nothing_is_written(Db db)
    {
        var w = await WorldAsync(db);
        await using var _ = w.App;

        var early = await RecordAsync(w.Officer, w, new { outcome = "seized", quantity = 240 });

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("outcome.before-verdict", await CodeAsync(early));
        Assert.Equal((null, null, null, null, 0, 0), await WrittenAsync(w));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Once_the_reply_is_overdue_the_officer_records_the_outcome_without_a_verdict(Db db)
    {
        var w = await WorldAsync(db);
        await using var _ = w.App;
        w.Time.Advance(TimeSpan.FromDays(20));

        var released = await RecordAsync(w.Officer, w, new { outcome = "released" });

        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal(("Released", 240, null, null, 1, 1), await WrittenAsync(w));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_outcome_has_no_default_and_a_value_needs_a_currency_that_fits_it_or_nothing_is_written(Db db)
    {
        var w = await WorldAsync(db);
        await using var _ = w.App;
        await AnswerAsync(w);

        var none = await RecordAsync(w.Officer, w, new { quantity = 240 });
        var noCurrency = await RecordAsync(w.Officer, w, new { outcome = "seized", estimatedValue = 4800.50m });
        var unknown = await RecordAsync(w.Officer, w, new { outcome = "seized", estimatedValue = 4800.50m, currency = "EURO" });
        var cents = await RecordAsync(w.Officer, w, new { outcome = "seized", estimatedValue = 4800.50m, currency = "JPY" });

        Assert.Equal(
            [(HttpStatusCode.BadRequest, "authentication.outcome"), (HttpStatusCode.BadRequest, "outcome.currency"),
             (HttpStatusCode.BadRequest, "outcome.currency"), (HttpStatusCode.BadRequest, "outcome.value-decimals")],
            [(none.StatusCode, await CodeAsync(none)), (noCurrency.StatusCode, await CodeAsync(noCurrency)),
             (unknown.StatusCode, await CodeAsync(unknown)), (cents.StatusCode, await CodeAsync(cents))]);
        Assert.Equal((null, null, null, null, 0, 0), await WrittenAsync(w));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_author_corrects_the_outcome_within_a_day_and_the_audit_keeps_the_old_values_beside_the_new(Db db)
    {
        var w = await WorldAsync(db);
        await using var _ = w.App;
        await AnswerAsync(w);
        (await RecordAsync(w.Officer, w, new { outcome = "seized", quantity = 240, estimatedValue = 4800.50m, currency = "eur" })).EnsureSuccessStatusCode();
        w.Time.Advance(TimeSpan.FromHours(23));

        var corrected = await RecordAsync(w.Officer, w, new { outcome = "destroyed", quantity = 200, estimatedValue = 4000m, currency = "EUR" });

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var view = await corrected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("destroyed", 200, "EUR", "douane.officer"), (view.GetProperty("outcome").GetString(), view.GetProperty("outcomeQuantity").GetInt32(),
            view.GetProperty("currency").GetString(), view.GetProperty("outcomeBy").GetString()));
        Assert.Equal(("Destroyed", 200, 4000m, "EUR", 2, 2), await WrittenAsync(w));
        await using var context = w.App.NewContext();
        var entry = await context.AuditEntries.SingleAsync(e => e.Operation == "detention.outcome-corrected");
        using var details = JsonDocument.Parse(entry.Details!);
        string? Field(string name) => details.RootElement.GetProperty(name).ToString();
        Assert.Equal(("seized", "240", "4800.50", "EUR"), (Field("previousOutcome"), Field("previousQuantity"), Field("previousEstimatedValue"), Field("previousCurrency")));
        Assert.Equal(("destroyed", "200", "4000.00", "EUR"), (Field("outcome"), Field("quantity"), Field("estimatedValue"), Field("currency")));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_correction_after_24_hours_is_a_409_and_the_outcome_stays(Db db)
    {
        var w = await WorldAsync(db);
        await using var _ = w.App;
        await AnswerAsync(w);
        (await RecordAsync(w.Officer, w, new { outcome = "seized", quantity = 240 })).EnsureSuccessStatusCode();
        w.Time.Advance(TimeSpan.FromHours(24));

        var late = await RecordAsync(w.Officer, w, new { outcome = "released" });

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("outcome.correction-window-closed", await CodeAsync(late));
        Assert.Equal(("Seized", 240, null, null, 1, 1), await WrittenAsync(w));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Only_its_author_corrects_an_outcome_even_a_coordinator_of_the_agency_gets_a_403(Db db)
    {
        var w = await WorldAsync(db);
        await using var _ = w.App;
        await AnswerAsync(w);
        (await RecordAsync(w.Officer, w, new { outcome = "seized", quantity = 240 })).EnsureSuccessStatusCode();

        var other = await RecordAsync(w.Coordinator, w, new { outcome = "released" });

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("outcome.not-author", await CodeAsync(other));
        Assert.Equal(("Seized", 240, null, null, 1, 1), await WrittenAsync(w));
        await using var context = w.App.NewContext();
        Assert.Equal(1, await context.AuditEntries.CountAsync(e => e.Operation == "access.denied" && e.Login == "douane.coordinator"));
    }
}
