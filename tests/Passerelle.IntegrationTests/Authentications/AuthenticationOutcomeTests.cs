using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Authentications;

/// <summary>
/// The outcome of a detention: recorded once the rights holder has answered (or let its deadline pass), chosen by
/// the officer with no default, and corrected only by its author within 24 hours; a refusal leaves all as it was.
/// </summary>
public sealed class AuthenticationOutcomeTests
{
    private static async Task<string> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

    /// <summary>What an outcome writes: the stored outcome, its audit entries and the rights holder's notes.</summary>
    private static async Task<(string? Outcome, int? Quantity, decimal? Value, string? Currency, int Entries, int Notes)>
        WrittenAsync(AuthenticationWorld w)
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
        var w = await AuthenticationWorld.StartAsync(db);
        await using var _ = w.App;

        var early = await w.RecordAsync(w.Officer, new { outcome = "seized", quantity = 240 });

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("outcome.before-verdict", await CodeAsync(early));
        Assert.Equal((null, null, null, null, 0, 0), await WrittenAsync(w));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Once_the_reply_is_overdue_the_officer_records_the_outcome_without_a_verdict(Db db)
    {
        var time = new AdjustableTime();
        var w = await AuthenticationWorld.StartAsync(db, time);
        await using var _ = w.App;
        time.Advance(TimeSpan.FromDays(20));

        var released = await w.RecordAsync(w.Officer, new { outcome = "released" });

        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal(("Released", 240, null, null, 1, 1), await WrittenAsync(w));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_recorded_outcome_is_audited_as_a_success_on_its_request(Db db)
    {
        var w = await AuthenticationWorld.StartAsync(db);
        await using var _ = w.App;
        await w.AnswerAsync();

        (await w.RecordAsync(w.Officer, new { outcome = "seized" })).EnsureSuccessStatusCode();

        await using var context = w.App.NewContext();
        var entry = await context.AuditEntries.SingleAsync(e => e.Operation == "detention.outcome");
        Assert.Equal(
            ("success", $"authentication:{w.Request}", "douane.officer"), (entry.Outcome, entry.Target, entry.Login));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_outcome_has_no_default_and_a_value_needs_a_currency_that_fits_it_or_nothing_is_written(Db db)
    {
        var w = await AuthenticationWorld.StartAsync(db);
        await using var _ = w.App;
        await w.AnswerAsync();

        var none = await w.RecordAsync(w.Officer, new { quantity = 240 });
        var noCurrency = await w.RecordAsync(w.Officer, new { outcome = "seized", estimatedValue = 4800.50m });
        var unknown = await w.RecordAsync(w.Officer, new { outcome = "seized", estimatedValue = 4800.50m, currency = "EURO" });
        var cents = await w.RecordAsync(w.Officer, new { outcome = "seized", estimatedValue = 4800.50m, currency = "JPY" });

        Assert.Equal(
            ["authentication.outcome", "outcome.currency", "outcome.currency", "outcome.value-decimals"],
            [await CodeAsync(none), await CodeAsync(noCurrency), await CodeAsync(unknown), await CodeAsync(cents)]);
        Assert.All([none, noCurrency, unknown, cents], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal((null, null, null, null, 0, 0), await WrittenAsync(w));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_author_corrects_the_outcome_within_a_day_and_the_audit_keeps_old_and_new_values(Db db)
    {
        var time = new AdjustableTime();
        var w = await AuthenticationWorld.StartAsync(db, time);
        await using var _ = w.App;
        await w.AnswerAsync();
        var first = new { outcome = "seized", quantity = 240, estimatedValue = 4800.50m, currency = "eur" };
        (await w.RecordAsync(w.Officer, first)).EnsureSuccessStatusCode();
        time.Advance(TimeSpan.FromHours(23));

        var corrected = await w.RecordAsync(
            w.Officer, new { outcome = "destroyed", quantity = 200, estimatedValue = 4000m, currency = "EUR" });

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var view = await corrected.Content.ReadFromJsonAsync<JsonElement>();
        string? Shown(string name) => view.GetProperty(name).ToString();
        Assert.Equal(("destroyed", "200", "EUR", "douane.officer"),
            (Shown("outcome"), Shown("outcomeQuantity"), Shown("currency"), Shown("outcomeBy")));
        Assert.Equal(("Destroyed", 200, 4000m, "EUR", 2, 2), await WrittenAsync(w));
        await using var context = w.App.NewContext();
        var entry = await context.AuditEntries.SingleAsync(e => e.Operation == "detention.outcome-corrected");
        using var details = JsonDocument.Parse(entry.Details!);
        string? Field(string name) => details.RootElement.GetProperty(name).ToString();
        Assert.Equal(("seized", "240", "4800.50", "EUR"),
            (Field("previousOutcome"), Field("previousQuantity"), Field("previousEstimatedValue"), Field("previousCurrency")));
        Assert.Equal(("destroyed", "200", "4000.00", "EUR"),
            (Field("outcome"), Field("quantity"), Field("estimatedValue"), Field("currency")));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_correction_after_24_hours_is_a_409_and_the_outcome_stays(Db db)
    {
        var time = new AdjustableTime();
        var w = await AuthenticationWorld.StartAsync(db, time);
        await using var _ = w.App;
        await w.AnswerAsync();
        (await w.RecordAsync(w.Officer, new { outcome = "seized", quantity = 240 })).EnsureSuccessStatusCode();
        time.Advance(TimeSpan.FromHours(24));

        var late = await w.RecordAsync(w.Officer, new { outcome = "released" });

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("outcome.correction-window-closed", await CodeAsync(late));
        Assert.Equal(("Seized", 240, null, null, 1, 1), await WrittenAsync(w));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Only_its_author_corrects_an_outcome_even_a_coordinator_of_the_agency_gets_a_403(Db db)
    {
        var w = await AuthenticationWorld.StartAsync(db);
        await using var _ = w.App;
        await w.AnswerAsync();
        (await w.RecordAsync(w.Officer, new { outcome = "seized", quantity = 240 })).EnsureSuccessStatusCode();
        var coordinator = w.App.ClientWithToken(await w.App.TokenAsync("douane.coordinator"));

        var other = await w.RecordAsync(coordinator, new { outcome = "released" });

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("outcome.not-author", await CodeAsync(other));
        Assert.Equal(("Seized", 240, null, null, 1, 1), await WrittenAsync(w));
        await using var context = w.App.NewContext();
        Assert.Equal(1, await context.AuditEntries.CountAsync(
            e => e.Operation == "access.denied" && e.Login == "douane.coordinator"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Two_outcomes_sent_at_once_by_two_people_leave_one_and_the_other_is_refused(Db db)
    {
        var w = await AuthenticationWorld.StartAsync(db);
        await using var _ = w.App;
        await w.AnswerAsync();
        var coordinator = w.App.ClientWithToken(await w.App.TokenAsync("douane.coordinator"));

        var answers = await Task.WhenAll(
            w.RecordAsync(w.Officer, new { outcome = "seized", quantity = 240 }),
            w.RecordAsync(coordinator, new { outcome = "released" }));

        // The second is refused whether it read the row before the first wrote it (409) or after (403, not its author).
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Single(answers, a => a.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Forbidden);
        var (outcome, _, _, _, entries, notes) = await WrittenAsync(w);
        Assert.Equal((1, 1), (entries, notes));
        Assert.Contains(outcome, new[] { "Seized", "Released" });
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_rights_holder_sees_the_detaining_agency_never_which_officer_asked_wrote_or_recorded(Db db)
    {
        var w = await AuthenticationWorld.StartAsync(db);
        await using var _ = w.App;
        await w.AnswerAsync();
        var message = new { text = "The goods stay in Le Havre." };
        (await w.Officer.PostAsJsonAsync($"/api/v1/authentications/{w.Request}/messages", message))
            .EnsureSuccessStatusCode();
        (await w.RecordAsync(w.Officer, new { outcome = "seized", quantity = 240 })).EnsureSuccessStatusCode();

        var holder = await w.Brand.GetFromJsonAsync<JsonElement>($"/api/v1/authentications/{w.Request}");
        var officer = await w.Officer.GetFromJsonAsync<JsonElement>($"/api/v1/authentications/{w.Request}");

        static (string?, string?, string?) People(JsonElement view) => (
            view.GetProperty("requestingLogin").GetString(), view.GetProperty("outcomeBy").GetString(),
            view.GetProperty("thread").EnumerateArray().Single(m => m.GetProperty("agency").GetString() == "FR-DOUANE")
                .GetProperty("by").GetString());
        Assert.Equal(("FR-DOUANE", "FR-DOUANE", "FR-DOUANE"), People(holder));
        Assert.Equal(("douane.officer", "douane.officer", "douane.officer"), People(officer));
        Assert.DoesNotContain("douane.officer", holder.GetRawText(), StringComparison.Ordinal);
    }
}
