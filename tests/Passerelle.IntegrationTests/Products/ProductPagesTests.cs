using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.IntegrationTests.Support;
using Passerelle.Tests.Shared;

namespace Passerelle.IntegrationTests.Products;

/// <summary>The rights holders' and officers' pages for products, alerts and detentions: the same rules as the API, errors beside their fields.</summary>
public sealed class ProductPagesTests
{
    private static async Task<TestApp> WorldAsync(Db db)
    {
        var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("RH-LUMIERE", "rights-holder");
        await app.AddAgencyAsync("RH-OTHER", "rights-holder");
        await app.AddAgencyAsync("FR-DOUANE", "customs");
        await app.RunAsync<VerifyRightsHolder, AgencySummary>(h => h.HandleAsync(Actor.Console(), "RH-LUMIERE", "Trade-mark register checked.", default));
        await app.AddUserAsync("RH-LUMIERE", "lumiere.brand", "rights-holder");
        await app.AddUserAsync("RH-OTHER", "other.brand", "rights-holder");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        return app;
    }

    private static async Task<Browserless> SignInAsync(TestApp app, string login)
    {
        var browser = new Browserless(app);
        await browser.PostFormAsync("/Account/Login", "/Account/Login", ("login", login), ("password", TestApp.Password));
        return browser;
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_rights_holder_writes_a_sheet_in_the_form_and_another_rights_holder_can_neither_read_nor_change_it(Db db)
    {
        await using var app = await WorldAsync(db);
        var brand = await SignInAsync(app, "lumiere.brand");
        var other = await SignInAsync(app, "other.brand");

        var (saved, html) = await brand.PostFormAsync("/Brand/Product", "/Brand/Product",
            ("brand", "Lumière"), ("name", "Eau de parfum 50 ml"), ("gtins", "6291041500213"), ("hsCode", "330300"), ("manufacturingCountries", "FRA"),
            ("Features[0].Kind", "covert"), ("Features[0].Description", "UV ink under the label"), ("Features[0].Restricted", "true"), ("Features[0].Agencies", "FR-DOUANE"),
            ("Features[1].Kind", "overt"), ("Features[1].Description", ""));
        var id = Guid.Parse(saved.RequestMessage!.RequestUri!.Segments[^1]);
        Assert.Contains("UV ink under the label", html, StringComparison.Ordinal);

        var (_, seen) = await other.GetAsync($"/Brand/Product/{id}");
        var (_, changed) = await other.PostFormAsync($"/Brand/Product/{id}", $"/Brand/Product/{id}", ("brand", "Hijacked"), ("name", "Mine now"));

        Assert.DoesNotContain("UV ink", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("UV ink", changed, StringComparison.Ordinal);
        await using var context = app.NewContext();
        var sheet = await context.ProductSheets.Include(p => p.Features).SingleAsync();
        Assert.Equal(("Lumière", 1), (sheet.Brand, sheet.Version));
        var feature = Assert.Single(sheet.Features);
        Assert.Equal(["FR-DOUANE"], feature.AllowedAgencies);
        // Refused three times: opening the sheet, opening it again to post the form, and the post.
        Assert.Equal(3, await context.AuditEntries.CountAsync(e => e.Operation == "access.denied"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_wrong_GTIN_in_the_product_form_is_shown_beside_the_field_with_the_expected_digit_and_nothing_is_stored(Db db)
    {
        await using var app = await WorldAsync(db);
        var brand = await SignInAsync(app, "lumiere.brand");

        var (response, html) = await brand.PostFormAsync("/Brand/Product", "/Brand/Product", ("brand", "Lumière"), ("name", "Eau de parfum"), ("gtins", "6291041500214"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("should be 3", Browserless.Inner(html, "gtins-error"), StringComparison.Ordinal);
        await using var context = app.NewContext();
        Assert.Equal(0, await context.ProductSheets.CountAsync());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_detention_photo_that_is_not_an_image_is_refused_beside_its_field_and_no_request_is_written(Db db)
    {
        await using var app = await WorldAsync(db);
        var api = app.ClientWithToken(await app.TokenAsync("lumiere.brand"));
        var product = (await (await api.PostAsJsonAsync("/api/v1/products", new { brand = "Lumière", name = "Eau de parfum" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await api.PostAsync($"/api/v1/products/{product}/publish", null)).EnsureSuccessStatusCode();
        var officer = await SignInAsync(app, "douane.officer");

        var (response, html) = await officer.PostFileAsync($"/Authentications/New?product={product}", "photos", "bottles.jpg", "<html><body>not a photo</body></html>"u8.ToArray(),
            ("quantity", "240"), ("place", "Le Havre"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("JPEG, PNG and WebP", Browserless.Inner(html, "photos-error"), StringComparison.Ordinal);
        await using var context = app.NewContext();
        Assert.Equal(0, await context.AuthenticationRequests.CountAsync());
        Assert.Equal(0, await context.Pictures.CountAsync());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_alert_with_a_wrong_container_check_digit_is_refused_beside_the_field_and_nothing_is_stored(Db db)
    {
        await using var app = await WorldAsync(db);
        var brand = await SignInAsync(app, "lumiere.brand");

        var (response, html) = await brand.PostFormAsync("/Brand/Alerts", "/Brand/Alerts",
            ("title", "Fakes by sea"), ("transportMode", "sea"), ("containers", "CSQU3054384"), ("confidence", "high"), ("targetCountries", "FRA"));
        var (_, good) = await brand.PostFormAsync("/Brand/Alerts", "/Brand/Alerts",
            ("title", "Fakes by sea"), ("transportMode", "sea"), ("containers", "CSQU3054383"), ("confidence", "high"), ("targetCountries", "FRA"), ("expiresOn", "not a date"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("3", Browserless.Inner(html, "containers-error"), StringComparison.Ordinal);
        Assert.Contains("yyyy-mm-dd", Browserless.Inner(good, "expiresOn-error"), StringComparison.Ordinal);
        await using var context = app.NewContext();
        Assert.Equal(0, await context.Alerts.CountAsync());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_container_number_typed_on_the_lookup_page_shows_the_alerts_that_name_it(Db db)
    {
        await using var app = await WorldAsync(db);
        var api = app.ClientWithToken(await app.TokenAsync("lumiere.brand"));
        (await api.PostAsJsonAsync("/api/v1/alerts", new { title = "Fake perfume by sea from Ningbo", containers = new[] { "CSQU3054383" }, targetCountries = new[] { "FRA" } })).EnsureSuccessStatusCode();
        var officer = await SignInAsync(app, "douane.officer");

        var (_, named) = await officer.GetAsync("/Products/Lookup?q=CSQU3054383");
        var (_, other) = await officer.GetAsync("/Products/Lookup?q=MSCU1234566");
        var (_, wrong) = await officer.GetAsync("/Products/Lookup?q=CSQU3054384");

        Assert.Contains("Fake perfume by sea from Ningbo", named, StringComparison.Ordinal);
        Assert.Contains("No active alert names this container.", other, StringComparison.Ordinal);
        Assert.Contains("3", Browserless.Inner(wrong, "q-error"), StringComparison.Ordinal);
        await using var context = app.NewContext();
        Assert.Equal(2, await context.AuditEntries.CountAsync(e => e.Target == "container:CSQU3054383" || e.Target == "container:MSCU1234566"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_coordinator_lets_its_own_officers_send_consignee_details_and_no_other_agencys(Db db)
    {
        await using var app = await WorldAsync(db);
        await app.AddAgencyAsync("BE-DOUANE", "customs", "BEL");
        await app.AddUserAsync("FR-DOUANE", "douane.coord", "coordinator");
        var coordinator = new Browserless(app);
        var (_, enrolment) = await coordinator.PostFormAsync("/Account/Login", "/Account/Login", ("login", "douane.coord"), ("password", TestApp.Password));
        await coordinator.PostFormAsync("/Account/EnrolTotp", "/Account/EnrolTotp", ("code", Totp.Code(Browserless.Inner(enrolment, "totp-key"), DateTimeOffset.UtcNow)));

        var (_, own) = await coordinator.PostFormAsync("/Agencies", "/Agencies?handler=Settings", ("code", "FR-DOUANE"), ("shareConsigneeDetails", "true"));
        var (_, other) = await coordinator.PostFormAsync("/Agencies", "/Agencies?handler=Settings", ("code", "BE-DOUANE"), ("shareConsigneeDetails", "true"));

        Assert.Equal("Allowed", Browserless.Inner(own, "share-FR-DOUANE"));
        Assert.Contains("role=\"alert\"", other, StringComparison.Ordinal);
        await using var context = app.NewContext();
        Assert.Equal([("BE-DOUANE", false), ("FR-DOUANE", true)], (await context.Agencies.Where(a => a.Code.EndsWith("-DOUANE")).OrderBy(a => a.Code).Select(a => new { a.Code, a.ShareConsigneeDetails }).ToListAsync())
            .Select(a => (a.Code, a.ShareConsigneeDetails)).ToList());
        Assert.Equal(1, await context.AuditEntries.CountAsync(e => e.Operation == "access.denied" && e.Target == "agency:BE-DOUANE"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_estimated_value_typed_with_a_decimal_comma_is_read_as_one_and_a_thousands_separator_is_refused(Db db)
    {
        await using var app = await WorldAsync(db);
        var api = app.ClientWithToken(await app.TokenAsync("lumiere.brand"));
        var product = (await (await api.PostAsJsonAsync("/api/v1/products", new { brand = "Lumière", name = "Eau de parfum" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await api.PostAsync($"/api/v1/products/{product}/publish", null)).EnsureSuccessStatusCode();
        var officerApi = app.ClientWithToken(await app.TokenAsync("douane.officer"));
        var id = (await (await officerApi.PostAsJsonAsync("/api/v1/authentications", new { productId = product, quantity = 12, place = "Roissy" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await api.PostAsJsonAsync($"/api/v1/authentications/{id}/reply", new { verdict = "counterfeit", reasons = "No hologram." })).EnsureSuccessStatusCode();
        var officer = await SignInAsync(app, "douane.officer");
        var page = $"/Authentications/Detail/{id}";

        var (_, refused) = await officer.PostFormAsync(page, $"{page}?handler=Outcome", ("outcome", "seized"), ("quantity", "12"), ("estimatedValue", "19,200.50"), ("currency", "EUR"));
        await using (var context = app.NewContext())
        {
            Assert.Null(await context.AuthenticationRequests.Select(r => r.Outcome).SingleAsync());
        }

        await officer.PostFormAsync(page, $"{page}?handler=Outcome", ("outcome", "seized"), ("quantity", "12"), ("estimatedValue", "19200,50"), ("currency", "EUR"));

        Assert.Contains("no thousands separators", Browserless.Inner(refused, "estimatedValue-error"), StringComparison.Ordinal);
        await using var after = app.NewContext();
        Assert.Equal(19200.50m, await after.AuthenticationRequests.Select(r => r.EstimatedValue).SingleAsync());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_request_form_offers_the_consignee_s_details_only_when_the_agency_allows_them(Db db)
    {
        await using var app = await WorldAsync(db);
        var api = app.ClientWithToken(await app.TokenAsync("lumiere.brand"));
        var product = (await (await api.PostAsJsonAsync("/api/v1/products", new { brand = "Lumière", name = "Eau de parfum" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await api.PostAsync($"/api/v1/products/{product}/publish", null)).EnsureSuccessStatusCode();
        var officer = await SignInAsync(app, "douane.officer");

        var (_, before) = await officer.GetAsync($"/Authentications/New?product={product}");
        await app.RunAsync<ChangeAgencySettings, AgencySummary>(h => h.HandleAsync(Actor.Console(), "FR-DOUANE", shareConsigneeDetails: true, default));
        var (_, after) = await officer.GetAsync($"/Authentications/New?product={product}");

        Assert.DoesNotContain("id=\"consigneeDetails\"", before, StringComparison.Ordinal);
        Assert.Contains("do not send consignee details", before, StringComparison.Ordinal);
        Assert.Contains("id=\"consigneeDetails\"", after, StringComparison.Ordinal);
    }
}
