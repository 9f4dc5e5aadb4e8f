using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>Bad input gets a clear 4xx ProblemDetails with a stable code, and nothing is written.</summary>
public sealed class BadInputTests
{
    private static async Task<(TestApp App, HttpClient Admin)> StartAsync(Db db)
    {
        var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-A");
        await app.AddUserAsync("FR-A", "admin.a", "admin");
        return (app, app.ClientWithToken(await app.TokenAsync("admin.a")));
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("requestId").GetString()));
        return problem;
    }

    private static async Task<int> AgencyCountAsync(TestApp app)
    {
        await using var context = app.NewContext();
        return await context.Agencies.CountAsync();
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Malformed_json_is_a_400_naming_the_problem_and_writes_nothing(Db db)
    {
        var (app, admin) = await StartAsync(db);
        await using var _ = app;
        var before = await AgencyCountAsync(app);

        var response = await admin.PostAsync("/api/v1/agencies", new StringContent("{\"code\": \"FR-X\", \"name\": ", Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed-json");
        Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await AgencyCountAsync(app));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_value_of_the_wrong_type_is_a_400_naming_where_and_no_internal_type(Db db)
    {
        var (app, admin) = await StartAsync(db);
        await using var _ = app;
        var before = await AgencyCountAsync(app);

        var response = await admin.PostAsync("/api/v1/agencies", new StringContent("{\"code\": 5, \"name\": \"X\"}", Encoding.UTF8, "application/json"));

        var detail = (await ProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed-json")).GetProperty("detail").GetString();
        Assert.Contains("$.code", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Passerelle", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", detail, StringComparison.Ordinal);
        Assert.Equal(before, await AgencyCountAsync(app));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_wrong_content_type_is_a_415(Db db)
    {
        var (app, admin) = await StartAsync(db);
        await using var _ = app;

        var response = await admin.PostAsync("/api/v1/agencies", new StringContent("code=FR-X", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "request.unsupported-media-type");
        Assert.Equal(1, await AgencyCountAsync(app));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_body_over_one_mebibyte_is_a_413(Db db)
    {
        var (app, admin) = await StartAsync(db);
        await using var _ = app;
        var huge = JsonSerializer.Serialize(new { code = "FR-X", name = new string('a', 1024 * 1024), kind = "customs", country = "FRA" });

        var response = await admin.PostAsync("/api/v1/agencies", new StringContent(huge, Encoding.UTF8, "application/json"));

        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "request.too-large");
        Assert.Equal(1, await AgencyCountAsync(app));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_unknown_country_is_a_400_naming_the_field(Db db)
    {
        var (app, admin) = await StartAsync(db);
        await using var _ = app;

        var response = await admin.PostAsJsonAsync("/api/v1/agencies", new { code = "XX-A", name = "Nowhere", kind = "police", country = "XYZ" });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "agency.country");
        Assert.True(problem.GetProperty("errors").TryGetProperty("country", out var messages));
        Assert.Contains("XYZ", messages[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await AgencyCountAsync(app));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Germany_is_D_in_ICAO_and_DEU_is_refused_with_the_reason(Db db)
    {
        var (app, admin) = await StartAsync(db);
        await using var _ = app;

        var refused = await admin.PostAsJsonAsync("/api/v1/agencies", new { code = "DE-BKA", name = "BKA", kind = "police", country = "DEU" });
        var accepted = await admin.PostAsJsonAsync("/api/v1/agencies", new { code = "DE-BKA", name = "BKA", kind = "police", country = "D" });

        var problem = await ProblemAsync(refused, HttpStatusCode.BadRequest, "agency.country");
        Assert.Contains("'D'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_duplicate_agency_code_is_a_409_and_the_first_stays_as_it_was(Db db)
    {
        var (app, admin) = await StartAsync(db);
        await using var _ = app;

        var response = await admin.PostAsJsonAsync("/api/v1/agencies", new { code = "fr-a", name = "Another name", kind = "police", country = "BEL" });

        await ProblemAsync(response, HttpStatusCode.Conflict, "agency.duplicate");
        await using var context = app.NewContext();
        var agency = await context.Agencies.SingleAsync();
        Assert.Equal(("Agency FR-A", "FRA"), (agency.Name, agency.Country));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Every_field_error_is_reported_at_once(Db db)
    {
        var (app, admin) = await StartAsync(db);
        await using var _ = app;

        var response = await admin.PostAsJsonAsync("/api/v1/agencies", new { code = "!", name = "", kind = "navy", country = "ZZZ" });

        var errors = (await ProblemAsync(response, HttpStatusCode.BadRequest, "agency.code")).GetProperty("errors");
        Assert.Equal(["code", "country", "kind", "name"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_coordinator_cannot_create_users_or_tokens_for_another_agency(Db db)
    {
        var (app, _) = await StartAsync(db);
        await using var __ = app;
        await app.AddAgencyAsync("FR-B", "police");
        await app.AddUserAsync("FR-A", "coord.a", "coordinator");
        await app.AddUserAsync("FR-B", "officer.b", "officer");
        var coordinator = app.ClientWithToken(await app.TokenAsync("coord.a"));

        var user = await coordinator.PostAsJsonAsync("/api/v1/users", new { agency = "FR-B", login = "intruder", roles = new[] { "officer" }, password = TestApp.Password });
        var token = await coordinator.PostAsJsonAsync("/api/v1/tokens", new { user = "officer.b", scopes = new[] { "documents:screen" } });

        await ProblemAsync(user, HttpStatusCode.Forbidden, "access.denied");
        await ProblemAsync(token, HttpStatusCode.Forbidden, "access.denied");
        await using var context = app.NewContext();
        Assert.False(await context.Users.AnyAsync(u => u.UserName == "intruder"));
        Assert.False(await context.ApiTokens.AnyAsync(t => context.Users.Any(u => u.Id == t.UserId && u.UserName == "officer.b")));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_token_cannot_carry_a_scope_its_users_roles_do_not_allow(Db db)
    {
        var (app, admin) = await StartAsync(db);
        await using var _ = app;
        await app.AddUserAsync("FR-A", "officer.a", "officer");

        var response = await admin.PostAsJsonAsync("/api/v1/tokens", new { user = "officer.a", scopes = new[] { "audit:read" } });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "token.scope-not-allowed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("scopes", out var scopes) && scopes.GetArrayLength() > 0);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_weak_password_is_a_400_and_no_user_is_created(Db db)
    {
        var (app, admin) = await StartAsync(db);
        await using var _ = app;

        var response = await admin.PostAsJsonAsync("/api/v1/users", new { agency = "FR-A", login = "weak.one", roles = new[] { "officer" }, password = "short" });

        await ProblemAsync(response, HttpStatusCode.BadRequest, "user.password-policy");
        await using var context = app.NewContext();
        Assert.False(await context.Users.AnyAsync(u => u.UserName == "weak.one"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_unknown_route_is_a_404_problem(Db db)
    {
        var (app, admin) = await StartAsync(db);
        await using var _ = app;

        await ProblemAsync(await admin.GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound, "not-found");
    }
}
