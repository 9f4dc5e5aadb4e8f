using System.Net.Http.Json;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Foundation;

public sealed partial class AuthorizationMatrixTests
{
    /// <summary>Two law-enforcement agencies and a rights holder, with one caller per role and targets to act on.</summary>
    private sealed class World(TestApp app, Dictionary<string, (string Login, string Agency, HttpClient Client)> callers, Dictionary<string, HttpClient> setup)
    {
        private readonly Dictionary<string, Guid> webhooks = new(StringComparer.Ordinal);
        private int counter;

        public static async Task<World> BuildAsync(TestApp app)
        {
            await app.AddAgencyAsync("FR-A");
            await app.AddAgencyAsync("FR-B", "police");
            await app.AddAgencyAsync("RH-BRAND", "rights-holder");
            await app.AddAgencyAsync("RH-OTHER", "rights-holder");
            foreach (var brand in new[] { "RH-BRAND", "RH-OTHER" })
            {
                await app.RunAsync<Core.Trust.Agencies.VerifyRightsHolder, Core.Trust.Agencies.AgencySummary>(
                    h => h.HandleAsync(Core.Trust.Access.Actor.Console(), brand, "Matrix world.", default));
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
        /// <param name="answered">Whether the rights holder has given its verdict, which an outcome waits for.</param>
        private async Task<Guid> AuthenticationAsync(bool own, int n, bool answered = false)
        {
            var product = await ProductAsync(own, n);
            var requester = setup[own ? "FR-A/coordinator" : "FR-B/coordinator"];
            var response = await requester.PostAsJsonAsync("/api/v1/authentications", new { productId = product, quantity = 10, place = "Le Havre" });
            response.EnsureSuccessStatusCode();
            var id = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
            if (answered)
            {
                var holder = setup[own ? "RH-BRAND/rights-holder" : "RH-OTHER/rights-holder"];
                (await holder.PostAsJsonAsync($"/api/v1/authentications/{id}/reply", new { verdict = "counterfeit", reasons = "Wrong hologram." }))
                    .EnsureSuccessStatusCode();
            }

            return id;
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

        /// <summary>One webhook per agency, made once: an agency may have only five active at a time.</summary>
        private async Task<Guid> WebhookAsync(string agency)
        {
            if (webhooks.TryGetValue(agency, out var existing))
            {
                return existing;
            }

            var response = await setup[$"{agency}/coordinator"].PostAsJsonAsync("/api/v1/webhooks", new { url = "https://hooks.example.org/passerelle" });
            response.EnsureSuccessStatusCode();
            return webhooks[agency] = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
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
                case "POST /api/v1/users/{login}/reset":
                    var forgetful = await app.AddUserAsync(agency, $"forgetful{n}", targetRole);
                    return await client.PostAsync($"/api/v1/users/{forgetful.Login}/reset", null);
                case "PUT /api/v1/users/{login}/roles":
                    var promoted = await app.AddUserAsync(agency, $"promoted{n}", targetRole);
                    var newRole = targetRole == "rights-holder" ? "rights-holder" : "investigator";
                    return await client.PutAsJsonAsync($"/api/v1/users/{promoted.Login}/roles", new { roles = new[] { newRole } });
                case "POST /api/v1/me/password":
                    return await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestApp.Password, newPassword = "Another-Password-2026!" });
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
                case "POST /api/v1/hits/{id}/confirm" or "POST /api/v1/hits/{id}/recover"
                    or "POST /api/v1/hits/{id}/clear" or "POST /api/v1/hits/{id}/mismatch":
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
                    return await client.GetAsync(
                        $"/api/v1/authentications/{await AuthenticationAsync(row.Target == Target.Own, n)}");
                case "POST /api/v1/authentications/{id}/reply":
                    return await client.PostAsJsonAsync(
                        $"/api/v1/authentications/{await AuthenticationAsync(row.Target == Target.Own, n)}/reply",
                        new { verdict = "counterfeit", reasons = "Wrong hologram." });
                case "POST /api/v1/authentications/{id}/messages":
                    return await client.PostAsJsonAsync(
                        $"/api/v1/authentications/{await AuthenticationAsync(row.Target == Target.Own, n)}/messages",
                        new { text = "Photos attached?" });
                case "POST /api/v1/authentications/{id}/photos":
                    return await client.PostAsync(
                        $"/api/v1/authentications/{await AuthenticationAsync(row.Target == Target.Own, n)}/photos",
                        new ByteArrayContent(Pictures.Jpeg(16, 16)));
                case "POST /api/v1/authentications/{id}/outcome":
                    var answered = await AuthenticationAsync(row.Target == Target.Own, n, answered: true);
                    return await client.PostAsJsonAsync(
                        $"/api/v1/authentications/{answered}/outcome", new { outcome = "seized" });
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
