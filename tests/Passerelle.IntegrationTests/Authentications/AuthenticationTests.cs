using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Authentications;

public sealed class AuthenticationTests
{
    /// <summary>A verified rights holder with one published sheet (GS1 GTIN 6291041500213, HS 3303), and a French customs officer.</summary>
    private static async Task<(HttpClient Brand, HttpClient Officer, Guid Product)> WorldAsync(TestApp app)
    {
        await app.AddAgencyAsync("RH-LUMIERE", "rights-holder");
        await app.AddAgencyAsync("FR-DOUANE", "customs");
        await app.RunAsync<VerifyRightsHolder, AgencySummary>(h => h.HandleAsync(Actor.Console(), "RH-LUMIERE", "Checked.", default));
        await app.AddUserAsync("RH-LUMIERE", "lumiere.brand", "rights-holder");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        var brand = app.ClientWithToken(await app.TokenAsync("lumiere.brand"));
        var officer = app.ClientWithToken(await app.TokenAsync("douane.officer"));
        var created = await brand.PostAsJsonAsync("/api/v1/products", new { brand = "Lumière", name = "Eau de parfum", gtins = new[] { "6291041500213" }, hsCode = "330300" });
        var product = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await brand.PostAsync($"/api/v1/products/{product}/publish", null)).EnsureSuccessStatusCode();
        return (brand, officer, product);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_detention_loop_runs_from_request_to_reply_to_seizure_and_reaches_the_statistics(Db db)
    {
        var time = new AdjustableTime();
        await using var app = await TestApp.StartAsync(db, replace: services => services.AddSingleton<TimeProvider>(time));
        var (brand, officer, product) = await WorldAsync(app);

        var refused = await officer.PostAsJsonAsync("/api/v1/authentications", new { productId = product, quantity = 240, place = "Le Havre", shareConsignee = true, consigneeDetails = "Import Export SARL" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var created = await officer.PostAsJsonAsync("/api/v1/authentications", new { productId = product, quantity = 240, place = "Le Havre", message = "Bottles lighter than usual." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var request = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = request.GetProperty("id").GetGuid();
        Assert.True(request.GetProperty("consigneeDetails").ValueKind == JsonValueKind.Null);
        var due = DateOnly.Parse(request.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(due.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber, 12, 16);

        var inbox = await brand.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.Contains("240", inbox[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        time.Advance(TimeSpan.FromDays(20));
        Assert.True((await officer.GetFromJsonAsync<JsonElement>($"/api/v1/authentications/{id}")).GetProperty("overdue").GetBoolean());

        (await brand.PostAsJsonAsync($"/api/v1/authentications/{id}/messages", new { text = "Please send a photo of the cap." })).EnsureSuccessStatusCode();
        var replied = await brand.PostAsJsonAsync($"/api/v1/authentications/{id}/reply", new { verdict = "counterfeit", reasons = "No hologram; wrong font on the label." });
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await brand.PostAsJsonAsync($"/api/v1/authentications/{id}/reply", new { verdict = "genuine", reasons = "Changed my mind." })).StatusCode);
        var seized = await officer.PostAsJsonAsync($"/api/v1/authentications/{id}/outcome", new { outcome = "seized", quantity = 240, estimatedValue = 19_200m, currency = "EUR" });
        var final = await seized.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("counterfeit", "seized", false), (final.GetProperty("verdict").GetString(), final.GetProperty("outcome").GetString(), final.GetProperty("overdue").GetBoolean()));
        Assert.Equal(2, final.GetProperty("thread").GetArrayLength());

        var statistics = await officer.GetFromJsonAsync<JsonElement>("/api/v1/statistics/seizures");
        Assert.Equal("Lumière", statistics.GetProperty("byBrand")[0].GetProperty("key").GetString());
        Assert.Equal(240, statistics.GetProperty("byBrand")[0].GetProperty("items").GetInt64());
        Assert.Equal("33", statistics.GetProperty("byHsChapter")[0].GetProperty("key").GetString());
        await using var context = app.NewContext();
        var operations = await context.AuditEntries.Select(e => e.Operation).ToListAsync();
        Assert.Contains("authentication.requested", operations);
        Assert.Contains("authentication.replied", operations);
        Assert.Contains("detention.outcome", operations);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Consignee_details_go_only_when_the_agency_allows_and_the_officer_chooses(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var (brand, officer, product) = await WorldAsync(app);
        await app.RunAsync<ChangeAgencySettings, AgencySummary>(h => h.HandleAsync(Actor.Console(), "FR-DOUANE", shareConsigneeDetails: true, default));

        var shared = await (await officer.PostAsJsonAsync("/api/v1/authentications", new { productId = product, quantity = 1, place = "Roissy", shareConsignee = true, consigneeDetails = "Import Export SARL" })).Content.ReadFromJsonAsync<JsonElement>();
        var kept = await (await officer.PostAsJsonAsync("/api/v1/authentications", new { productId = product, quantity = 1, place = "Roissy", shareConsignee = false, consigneeDetails = "Import Export SARL" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("Import Export SARL", (await brand.GetFromJsonAsync<JsonElement>($"/api/v1/authentications/{shared.GetProperty("id")}")).GetProperty("consigneeDetails").GetString());
        Assert.Equal(JsonValueKind.Null, (await brand.GetFromJsonAsync<JsonElement>($"/api/v1/authentications/{kept.GetProperty("id")}")).GetProperty("consigneeDetails").ValueKind);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Photos_of_detained_goods_reach_the_rights_holder_asked_and_no_one_else(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var (brand, officer, product) = await WorldAsync(app);
        await app.AddAgencyAsync("RH-OTHER", "rights-holder");
        await app.AddUserAsync("RH-OTHER", "other.brand", "rights-holder");
        await app.AddUserAsync("FR-DOUANE", "douane.colleague", "officer");
        var id = (await (await officer.PostAsJsonAsync("/api/v1/authentications", new { productId = product, quantity = 12, place = "Roissy" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var html = await officer.PostAsync($"/api/v1/authentications/{id}/photos", new ByteArrayContent("<html><script>alert(1)</script></html>"u8.ToArray()));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, html.StatusCode);
        var added = await (await officer.PostAsync($"/api/v1/authentications/{id}/photos", new ByteArrayContent(Pictures.Jpeg(64, 48)))).Content.ReadFromJsonAsync<JsonElement>();
        var photo = Assert.Single(added.GetProperty("photos").EnumerateArray()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await brand.GetAsync($"/api/v1/pictures/{photo}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/pictures/{photo}?thumbnail=true")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientWithToken(await app.TokenAsync("other.brand")).GetAsync($"/api/v1/pictures/{photo}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientWithToken(await app.TokenAsync("douane.colleague")).GetAsync($"/api/v1/pictures/{photo}")).StatusCode);
        await using var context = app.NewContext();
        Assert.Equal(1, await context.Pictures.CountAsync());
        Assert.Equal(2, await context.AuditEntries.CountAsync(e => e.Operation == "picture.viewed"));
        Assert.Contains(await context.Notifications.Select(n => n.Kind).ToListAsync(), k => k == "authentication.photo");
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_rights_holders_webhook_hears_of_an_authentication_request_signed_and_its_removal_is_audited(Db db)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await TestApp.StartAsync(db, new Dictionary<string, string?> { ["Webhooks:AllowedHosts:0"] = "127.0.0.1" });
        var (brand, officer, product) = await WorldAsync(app);
        var hook = await (await brand.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url("/passerelle") })).Content.ReadFromJsonAsync<JsonElement>();

        var id = (await (await officer.PostAsJsonAsync("/api/v1/authentications", new { productId = product, quantity = 240, place = "Le Havre" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var delivery = await receiver.Received.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(15));
        (await brand.DeleteAsync($"/api/v1/webhooks/{hook.GetProperty("id").GetGuid()}")).EnsureSuccessStatusCode();

        var body = JsonDocument.Parse(delivery.Body).RootElement;
        Assert.Equal(("authentication.requested", id), (body.GetProperty("event").GetString(), body.GetProperty("requestId").GetGuid()));
        WebhookReceiver.AssertSigned(delivery, hook.GetProperty("secret").GetString()!);
        await using var context = app.NewContext();
        Assert.Empty(await context.HitCaseEvents.ToListAsync());
        Assert.Contains("webhook.disabled", await context.AuditEntries.Select(e => e.Operation).ToListAsync());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_number_in_place_of_a_verdict_an_outcome_or_a_feature_kind_is_a_400_and_nothing_changes(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var (brand, officer, product) = await WorldAsync(app);
        var id = (await (await officer.PostAsJsonAsync("/api/v1/authentications", new { productId = product, quantity = 12, place = "Roissy" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var answered = (await (await officer.PostAsJsonAsync("/api/v1/authentications", new { productId = product, quantity = 12, place = "Roissy" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await brand.PostAsJsonAsync($"/api/v1/authentications/{answered}/reply", new { verdict = "counterfeit", reasons = "No hologram." })).EnsureSuccessStatusCode();

        var verdict = await brand.PostAsJsonAsync($"/api/v1/authentications/{id}/reply", new { verdict = "7", reasons = "A number." });
        var outcome = await officer.PostAsJsonAsync($"/api/v1/authentications/{answered}/outcome", new { outcome = "1" });
        var feature = await brand.PutAsJsonAsync($"/api/v1/products/{product}", new { brand = "Lumière", name = "Eau de parfum", features = new[] { new { kind = "2", description = "A number for a kind." } } });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (verdict.StatusCode, outcome.StatusCode, feature.StatusCode));
        Assert.Equal("authentication.verdict", (await verdict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var stored = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/authentications/{id}");
        var unrecorded = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/authentications/{answered}");
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (stored.GetProperty("verdict").ValueKind, unrecorded.GetProperty("outcome").ValueKind));
        await using var context = app.NewContext();
        Assert.Equal(1, await context.ProductSheets.Where(p => p.Id == product).Select(p => p.Version).SingleAsync());
    }
}
