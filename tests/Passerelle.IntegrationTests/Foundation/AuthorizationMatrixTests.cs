using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>
/// Every API route, called by each role with a token holding every scope its roles allow, against a target in the
/// caller's own agency and in another one. The expected statuses are the table below; a new route fails the
/// coverage test until it has rows here.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private static readonly string[] Callers = ["admin", "coordinator", "officer", "investigator", "auditor", "rights-holder"];

    //                         route                                   target    admin coord officer invest auditor rights-holder
    private static readonly Row[] Table =
    [
        new("GET /api/v1/me", Target.None,                               200, 200, 200, 200, 200, 200),
        new("GET /api/v1/agencies", Target.None,                         200, 200, 403, 403, 200, 403),
        new("GET /api/v1/agencies/{code}", Target.Own,                   200, 200, 403, 403, 200, 403),
        new("GET /api/v1/agencies/{code}", Target.Other,                 200, 200, 403, 403, 200, 403),
        new("POST /api/v1/agencies", Target.None,                        201, 403, 403, 403, 403, 403),
        new("POST /api/v1/agencies/{code}/verify", Target.None,          200, 403, 403, 403, 403, 403),
        new("GET /api/v1/users", Target.Own,                             200, 200, 403, 403, 403, 403),
        new("GET /api/v1/users", Target.Other,                           200, 403, 403, 403, 403, 403),
        new("POST /api/v1/users", Target.Own,                            201, 201, 403, 403, 403, 403),
        new("POST /api/v1/users", Target.Other,                          201, 403, 403, 403, 403, 403),
        new("POST /api/v1/users/{login}/disable", Target.Own,            200, 200, 403, 403, 403, 403),
        new("POST /api/v1/users/{login}/disable", Target.Other,          200, 403, 403, 403, 403, 403),
        new("GET /api/v1/tokens", Target.None,                           200, 200, 200, 200, 200, 200),
        new("POST /api/v1/tokens", Target.Own,                           201, 201, 403, 403, 403, 403),
        new("POST /api/v1/tokens", Target.Other,                         201, 403, 403, 403, 403, 403),
        new("DELETE /api/v1/tokens/{id}", Target.Own,                    200, 200, 403, 403, 403, 403),
        new("DELETE /api/v1/tokens/{id}", Target.Other,                  200, 403, 403, 403, 403, 403),
        new("GET /api/v1/audit", Target.None,                            403, 403, 403, 403, 200, 403),
        new("GET /api/v1/audit/export", Target.None,                     403, 403, 403, 403, 200, 403),
        new("POST /api/v1/audit/verify", Target.None,                    403, 403, 403, 403, 200, 403),
        new("POST /api/v1/documents/screen", Target.None,                403, 200, 200, 200, 403, 403),
        new("POST /api/v1/documents/screen/batch", Target.None,          403, 200, 200, 200, 403, 403),
        new("POST /api/v1/documents", Target.None,                       403, 201, 403, 201, 403, 403),
        new("GET /api/v1/documents", Target.None,                        403, 200, 403, 200, 403, 403),
        new("GET /api/v1/documents/{id}", Target.Own,                    403, 200, 403, 200, 403, 403),
        new("GET /api/v1/documents/{id}", Target.Other,                  403, 403, 403, 403, 403, 403),
        new("PATCH /api/v1/documents/{id}", Target.Own,                  403, 200, 403, 200, 403, 403),
        new("PATCH /api/v1/documents/{id}", Target.Other,                403, 403, 403, 403, 403, 403),
        new("DELETE /api/v1/documents/{id}", Target.Own,                 403, 200, 403, 200, 403, 403),
        new("DELETE /api/v1/documents/{id}", Target.Other,               403, 403, 403, 403, 403, 403),
        new("POST /api/v1/documents/import", Target.None,                403, 200, 403, 200, 403, 403),
        new("GET /api/v1/documents/export", Target.None,                 403, 200, 403, 200, 403, 403),
        new("GET /api/v1/hits", Target.None,                             403, 200, 200, 200, 403, 403),
        new("GET /api/v1/hits/{id}", Target.Own,                         403, 200, 403, 403, 403, 403),
        new("GET /api/v1/hits/{id}", Target.Other,                       403, 403, 403, 403, 403, 403),
        new("POST /api/v1/hits/{id}/confirm", Target.Own,                403, 200, 403, 403, 403, 403),
        new("POST /api/v1/hits/{id}/confirm", Target.Other,              403, 403, 403, 403, 403, 403),
        new("POST /api/v1/hits/{id}/clear", Target.Own,                  403, 200, 403, 403, 403, 403),
        new("POST /api/v1/hits/{id}/clear", Target.Other,                403, 403, 403, 403, 403, 403),
        new("POST /api/v1/hits/{id}/mismatch", Target.Own,               403, 200, 403, 403, 403, 403),
        new("POST /api/v1/hits/{id}/mismatch", Target.Other,             403, 403, 403, 403, 403, 403),
        new("GET /api/v1/notifications", Target.None,                    200, 200, 200, 200, 200, 200),
        new("POST /api/v1/notifications/{id}/read", Target.Own,          404, 200, 404, 404, 404, 404),
        new("POST /api/v1/notifications/{id}/read", Target.Other,        404, 404, 404, 404, 404, 404),
        new("GET /api/v1/webhooks", Target.None,                         403, 200, 403, 403, 403, 403),
        new("POST /api/v1/webhooks", Target.None,                        403, 201, 403, 403, 403, 403),
        new("DELETE /api/v1/webhooks/{id}", Target.Own,                  403, 200, 403, 403, 403, 403),
        new("DELETE /api/v1/webhooks/{id}", Target.Other,                403, 403, 403, 403, 403, 403),
        new("GET /api/v1/products/lookup", Target.None,                  403, 200, 200, 200, 403, 403),
        new("GET /api/v1/products", Target.None,                         403, 403, 403, 403, 403, 200),
        new("POST /api/v1/products", Target.None,                        403, 403, 403, 403, 403, 201),
        new("GET /api/v1/products/{id}", Target.Own,                     403, 200, 200, 200, 403, 200),
        new("GET /api/v1/products/{id}", Target.Other,                   403, 200, 200, 200, 403, 403),
        new("PUT /api/v1/products/{id}", Target.Own,                     403, 403, 403, 403, 403, 200),
        new("PUT /api/v1/products/{id}", Target.Other,                   403, 403, 403, 403, 403, 403),
        new("POST /api/v1/products/{id}/publish", Target.Own,            403, 403, 403, 403, 403, 200),
        new("POST /api/v1/products/{id}/publish", Target.Other,          403, 403, 403, 403, 403, 403),
        new("GET /api/v1/alerts", Target.None,                           403, 200, 200, 200, 403, 200),
        new("POST /api/v1/alerts", Target.None,                          403, 403, 403, 403, 403, 201),
        new("PUT /api/v1/alerts/{id}", Target.Own,                       403, 403, 403, 403, 403, 200),
        new("PUT /api/v1/alerts/{id}", Target.Other,                     403, 403, 403, 403, 403, 403),
        new("POST /api/v1/alerts/{id}/close", Target.Own,                403, 403, 403, 403, 403, 200),
        new("POST /api/v1/alerts/{id}/close", Target.Other,              403, 403, 403, 403, 403, 403),
        new("GET /api/v1/authentications", Target.None,                  403, 200, 200, 200, 403, 200),
        new("POST /api/v1/authentications", Target.None,                 403, 201, 201, 201, 403, 403),
        new("GET /api/v1/authentications/{id}", Target.Own,              403, 200, 403, 403, 403, 200),
        new("GET /api/v1/authentications/{id}", Target.Other,            403, 403, 403, 403, 403, 403),
        new("POST /api/v1/authentications/{id}/reply", Target.Own,       403, 403, 403, 403, 403, 200),
        new("POST /api/v1/authentications/{id}/reply", Target.Other,     403, 403, 403, 403, 403, 403),
        new("POST /api/v1/authentications/{id}/messages", Target.Own,    403, 200, 403, 403, 403, 200),
        new("POST /api/v1/authentications/{id}/messages", Target.Other,  403, 403, 403, 403, 403, 403),
        new("POST /api/v1/authentications/{id}/outcome", Target.Own,     403, 200, 403, 403, 403, 403),
        new("POST /api/v1/authentications/{id}/outcome", Target.Other,   403, 403, 403, 403, 403, 403),
        new("GET /api/v1/statistics/seizures", Target.None,              403, 200, 200, 200, 200, 200),
        new("POST /api/v1/products/lookup/photo", Target.None,           403, 200, 200, 200, 403, 403),
        new("POST /api/v1/products/{id}/pictures", Target.Own,           403, 403, 403, 403, 403, 201),
        new("POST /api/v1/products/{id}/pictures", Target.Other,         403, 403, 403, 403, 403, 403),
        new("GET /api/v1/pictures/{id}", Target.Own,                     403, 200, 200, 200, 403, 200),
        new("GET /api/v1/pictures/{id}", Target.Other,                   403, 200, 200, 200, 403, 403),
    ];

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Each_role_gets_the_expected_status_on_every_route_for_its_own_and_another_agency(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await World.BuildAsync(app);
        var failures = new List<string>();

        foreach (var row in Table)
        {
            for (var i = 0; i < Callers.Length; i++)
            {
                var caller = Callers[i];
                var response = await world.SendAsync(row, caller);
                if ((int)response.StatusCode != row.Expected[i])
                {
                    failures.Add($"{row.Route} ({row.Target}) as {caller}: expected {row.Expected[i]}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_table_covers_every_api_route()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var routes = app.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        var covered = Table.Select(r => r.Route).ToHashSet();

        Assert.Empty(routes.Except(covered));
    }

    private static string Normalize(string pattern) =>
        pattern.TrimEnd('/').Replace(":guid", "", StringComparison.Ordinal);

    public enum Target
    {
        None,
        Own,
        Other,
    }

    public sealed record Row(string Route, Target Target, params int[] Expected);

    /// <summary>Two law-enforcement agencies and a rights holder, with one caller per role and targets to act on.</summary>
    private sealed class World(TestApp app, Dictionary<string, (string Login, string Agency, HttpClient Client)> callers, Dictionary<string, HttpClient> setup)
    {
        private int counter;

        public static async Task<World> BuildAsync(TestApp app)
        {
            await app.AddAgencyAsync("FR-A");
            await app.AddAgencyAsync("FR-B", "police");
            await app.AddAgencyAsync("RH-BRAND", "rights-holder");
            await app.AddAgencyAsync("RH-OTHER", "rights-holder");
            foreach (var brand in new[] { "RH-BRAND", "RH-OTHER" })
            {
                await app.RunAsync<Core.Agencies.VerifyRightsHolder, Core.Agencies.AgencySummary>(h => h.HandleAsync(Core.Access.Actor.Console(), brand, "Matrix world.", default));
            }

            var callers = new Dictionary<string, (string, string, HttpClient)>();
            foreach (var role in Callers)
            {
                var agency = role == "rights-holder" ? "RH-BRAND" : "FR-A";
                var login = $"caller.{role}";
                await app.AddUserAsync(agency, login, role);
                callers[role] = (login, agency, app.ClientWithToken(await app.TokenAsync(login)));
            }

            // People who prepare targets: records, hits, notifications and webhooks of FR-A and FR-B.
            var setup = new Dictionary<string, HttpClient>();
            foreach (var (agency, role) in new[] { ("FR-A", "coordinator"), ("FR-B", "coordinator"), ("FR-B", "officer"), ("RH-BRAND", "rights-holder"), ("RH-OTHER", "rights-holder") })
            {
                var login = $"setup.{role}.{agency.ToLowerInvariant()}";
                await app.AddUserAsync(agency, login, role);
                setup[$"{agency}/{role}"] = app.ClientWithToken(await app.TokenAsync(login));
            }

            return new World(app, callers, setup);
        }

        /// <summary>A new stolen passport owned by <paramref name="agency"/>; returns its id.</summary>
        private async Task<Guid> RecordAsync(string agency, int n)
        {
            var response = await setup[$"{agency}/coordinator"].PostAsJsonAsync("/api/v1/documents", new { documentNumber = $"M{n:D8}", issuingState = "FRA", documentType = "passport", status = "stolen" });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        }

        /// <summary>An open hit case on a record owned by <paramref name="agency"/>, opened by FR-B's officer.</summary>
        private async Task<Guid> CaseAsync(string agency, int n)
        {
            await RecordAsync(agency, n);
            var response = await setup["FR-B/officer"].PostAsJsonAsync("/api/v1/documents/screen", new { documentNumber = $"M{n:D8}", issuingState = "FRA", purpose = "matrix" });
            return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("matches")[0].GetProperty("caseId").GetGuid();
        }

        private async Task<Guid> NotificationAsync(string agency, int n)
        {
            var caseId = await CaseAsync(agency, n);
            await using var context = app.NewContext();
            return context.Notifications.Single(x => x.CaseId == caseId).Id;
        }

        /// <summary>A published product sheet of the caller's own brand (RH-BRAND) or of another (RH-OTHER).</summary>
        private async Task<Guid> ProductAsync(bool own, int n)
        {
            var owner = setup[own ? "RH-BRAND/rights-holder" : "RH-OTHER/rights-holder"];
            var body = 9_506_000_000_000L + n;
            var gtin = $"{body}{Core.Standards.Gtin.CheckDigitOf(body.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
            var response = await owner.PostAsJsonAsync("/api/v1/products", new { brand = "Lumière", name = $"Product {n}", gtins = new[] { gtin } });
            response.EnsureSuccessStatusCode();
            var id = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
            (await owner.PostAsync($"/api/v1/products/{id}/publish", null)).EnsureSuccessStatusCode();
            return id;
        }

        /// <summary>A request on RH-BRAND's product from FR-A's coordinator (own), or on RH-OTHER's from FR-B's (other).</summary>
        private async Task<Guid> DetentionAsync(bool own, int n)
        {
            var product = await ProductAsync(own, n);
            var requester = setup[own ? "FR-A/coordinator" : "FR-B/coordinator"];
            var response = await requester.PostAsJsonAsync("/api/v1/authentications", new { productId = product, quantity = 10, place = "Le Havre" });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        }

        private async Task<Guid> PictureAsync(bool own, int n)
        {
            var owner = setup[own ? "RH-BRAND/rights-holder" : "RH-OTHER/rights-holder"];
            var response = await owner.PostAsync($"/api/v1/products/{await ProductAsync(own, n)}/pictures", new ByteArrayContent(Pictures.Png(8, 8)));
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        }

        private async Task<Guid> AlertAsync(bool own)
        {
            var owner = setup[own ? "RH-BRAND/rights-holder" : "RH-OTHER/rights-holder"];
            var response = await owner.PostAsJsonAsync("/api/v1/alerts", new { title = "Fakes by sea", containers = new[] { "CSQU3054383" }, targetCountries = new[] { "FRA" } });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        }

        private async Task<Guid> WebhookAsync(string agency)
        {
            var response = await setup[$"{agency}/coordinator"].PostAsJsonAsync("/api/v1/webhooks", new { url = "https://hooks.example.org/passerelle" });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        }

        public async Task<HttpResponseMessage> SendAsync(Row row, string role)
        {
            var (_, ownAgency, client) = callers[role];
            var agency = row.Target == Target.Other ? "FR-B" : ownAgency;
            var n = Interlocked.Increment(ref counter);
            var targetRole = agency == "RH-BRAND" ? "rights-holder" : "officer";
            switch (row.Route)
            {
                case "GET /api/v1/agencies/{code}":
                    return await client.GetAsync($"/api/v1/agencies/{agency}");
                case "POST /api/v1/agencies":
                    return await client.PostAsJsonAsync("/api/v1/agencies", new { code = $"NEW-{n}", name = "New agency", kind = "customs", country = "BEL" });
                case "POST /api/v1/agencies/{code}/verify":
                    return await client.PostAsJsonAsync("/api/v1/agencies/RH-BRAND/verify", new { evidence = "Registry extract checked." });
                case "GET /api/v1/users":
                    return await client.GetAsync($"/api/v1/users?agency={agency}");
                case "POST /api/v1/users":
                    return await client.PostAsJsonAsync("/api/v1/users", new { agency, login = $"new.user{n}", roles = new[] { targetRole }, password = TestApp.Password });
                case "POST /api/v1/users/{login}/disable":
                    var victim = await app.AddUserAsync(agency, $"victim{n}", targetRole);
                    return await client.PostAsync($"/api/v1/users/{victim.Login}/disable", null);
                case "POST /api/v1/tokens":
                    var owner = await app.AddUserAsync(agency, $"owner{n}", targetRole);
                    return await client.PostAsJsonAsync("/api/v1/tokens", new { user = owner.Login, scopes = new[] { "tokens:read" }, expiresInDays = 7 });
                case "DELETE /api/v1/tokens/{id}":
                    var holder = await app.AddUserAsync(agency, $"holder{n}", targetRole);
                    await app.TokenAsync(holder.Login, "tokens:read");
                    var id = await TokenIdOfAsync(holder.Login);
                    return await client.DeleteAsync($"/api/v1/tokens/{id}");
                case "POST /api/v1/documents/screen":
                    return await client.PostAsJsonAsync("/api/v1/documents/screen", new { documentNumber = "Q0000000", issuingState = "FRA", purpose = "matrix" });
                case "POST /api/v1/documents/screen/batch":
                    return await client.PostAsJsonAsync("/api/v1/documents/screen/batch", new { purpose = "matrix", items = new[] { new { documentNumber = "Q0000001" } } });
                case "POST /api/v1/documents/import":
                    return await client.PostAsync("/api/v1/documents/import", new StringContent($"documentNumber,issuingState,documentType,status\nI{n:D8},FRA,passport,stolen\n", System.Text.Encoding.UTF8, "text/csv"));
                case "POST /api/v1/documents":
                    return await client.PostAsJsonAsync("/api/v1/documents", new { documentNumber = $"P{n:D8}", issuingState = "FRA", documentType = "passport", status = "lost" });
                case "GET /api/v1/documents/{id}":
                    return await client.GetAsync($"/api/v1/documents/{await RecordAsync(DocumentOwner(agency), n)}");
                case "PATCH /api/v1/documents/{id}":
                    return await client.PatchAsJsonAsync($"/api/v1/documents/{await RecordAsync(DocumentOwner(agency), n)}", new { status = "lost" });
                case "DELETE /api/v1/documents/{id}":
                    return await client.DeleteAsync($"/api/v1/documents/{await RecordAsync(DocumentOwner(agency), n)}?reason=matrix");
                case "GET /api/v1/hits/{id}":
                    return await client.GetAsync($"/api/v1/hits/{await CaseAsync(DocumentOwner(agency), n)}");
                case "POST /api/v1/hits/{id}/confirm" or "POST /api/v1/hits/{id}/clear" or "POST /api/v1/hits/{id}/mismatch":
                    var decision = row.Route.Split('/')[^1];
                    return await client.PostAsJsonAsync($"/api/v1/hits/{await CaseAsync(DocumentOwner(agency), n)}/{decision}", new { note = "matrix" });
                case "POST /api/v1/notifications/{id}/read":
                    return await client.PostAsync($"/api/v1/notifications/{await NotificationAsync(DocumentOwner(agency), n)}/read", null);
                case "POST /api/v1/webhooks":
                    return await client.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://hooks.example.org/new" });
                case "DELETE /api/v1/webhooks/{id}":
                    return await client.DeleteAsync($"/api/v1/webhooks/{await WebhookAsync(DocumentOwner(agency))}");
                case "POST /api/v1/authentications":
                    return await client.PostAsJsonAsync("/api/v1/authentications", new { productId = await ProductAsync(true, n), quantity = 5, place = "Roissy" });
                case "GET /api/v1/authentications/{id}":
                    return await client.GetAsync($"/api/v1/authentications/{await DetentionAsync(row.Target == Target.Own, n)}");
                case "POST /api/v1/authentications/{id}/reply":
                    return await client.PostAsJsonAsync($"/api/v1/authentications/{await DetentionAsync(row.Target == Target.Own, n)}/reply", new { verdict = "counterfeit", reasons = "Wrong hologram." });
                case "POST /api/v1/authentications/{id}/messages":
                    return await client.PostAsJsonAsync($"/api/v1/authentications/{await DetentionAsync(row.Target == Target.Own, n)}/messages", new { text = "Photos attached?" });
                case "POST /api/v1/authentications/{id}/outcome":
                    return await client.PostAsJsonAsync($"/api/v1/authentications/{await DetentionAsync(row.Target == Target.Own, n)}/outcome", new { outcome = "seized" });
                case "POST /api/v1/products/lookup/photo":
                    return await client.PostAsync("/api/v1/products/lookup/photo", new ByteArrayContent(Pictures.Ean13("6291041500213")));
                case "POST /api/v1/products/{id}/pictures":
                    return await client.PostAsync($"/api/v1/products/{await ProductAsync(row.Target == Target.Own, n)}/pictures", new ByteArrayContent(Pictures.Png(8, 8)));
                case "GET /api/v1/pictures/{id}":
                    return await client.GetAsync($"/api/v1/pictures/{await PictureAsync(row.Target == Target.Own, n)}");
                case "GET /api/v1/alerts":
                    return await client.GetAsync("/api/v1/alerts?container=CSQU3054383");
                case "POST /api/v1/alerts":
                    return await client.PostAsJsonAsync("/api/v1/alerts", new { title = $"Alert {n}", targetCountries = new[] { "FRA" } });
                case "PUT /api/v1/alerts/{id}":
                    return await client.PutAsJsonAsync($"/api/v1/alerts/{await AlertAsync(row.Target == Target.Own)}", new { title = $"Changed {n}", targetCountries = new[] { "FRA" } });
                case "POST /api/v1/alerts/{id}/close":
                    return await client.PostAsync($"/api/v1/alerts/{await AlertAsync(row.Target == Target.Own)}/close", null);
                case "GET /api/v1/products/lookup":
                    return await client.GetAsync("/api/v1/products/lookup?q=Lumi%C3%A8re");
                case "POST /api/v1/products":
                    return await client.PostAsJsonAsync("/api/v1/products", new { brand = "Lumière", name = $"New {n}" });
                case "GET /api/v1/products/{id}":
                    return await client.GetAsync($"/api/v1/products/{await ProductAsync(row.Target == Target.Own, n)}");
                case "PUT /api/v1/products/{id}":
                    return await client.PutAsJsonAsync($"/api/v1/products/{await ProductAsync(row.Target == Target.Own, n)}", new { brand = "Lumière", name = $"Changed {n}" });
                case "POST /api/v1/products/{id}/publish":
                    return await client.PostAsync($"/api/v1/products/{await ProductAsync(row.Target == Target.Own, n)}/publish", null);
                default:
                    var (method, path) = (row.Route.Split(' ')[0], row.Route.Split(' ')[1]);
                    return await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            }
        }

        /// <summary>Registers belong to law-enforcement agencies: a rights holder's "own" register is FR-A's for the table.</summary>
        private static string DocumentOwner(string agency) => agency == "RH-BRAND" ? "FR-A" : agency;

        private async Task<Guid> TokenIdOfAsync(string login)
        {
            await using var context = app.NewContext();
            return context.ApiTokens.Single(t => context.Users.Any(u => u.Id == t.UserId && u.UserName == login)).Id;
        }
    }
}
