using System.Net.Http.Json;
using System.Text.Json;
using Passerelle.IntegrationTests.Support;
using Passerelle.Tests.Shared;

namespace Passerelle.IntegrationTests.Foundation;

public sealed partial class PageMatrixTests
{
    /// <summary>
    /// FR-A and FR-B, two verified brands, one person per role signed in through the forms (with their second factor
    /// where their role needs one), and people with API tokens who prepare the targets.
    /// </summary>
    private sealed class PageWorld(TestApp app, Dictionary<string, (string Agency, Browserless Browser, string Antiforgery)> callers,
        Dictionary<string, HttpClient> setup)
    {
        private int counter;

        public static async Task<PageWorld> BuildAsync(TestApp app, string[] roles)
        {
            await app.AddAgencyAsync("FR-A");
            await app.AddAgencyAsync("FR-B", "police");
            await app.AddAgencyAsync("RH-BRAND", "rights-holder");
            await app.AddAgencyAsync("RH-OTHER", "rights-holder");
            foreach (var brand in new[] { "RH-BRAND", "RH-OTHER" })
            {
                await app.RunAsync<Core.Trust.Agencies.VerifyRightsHolder, Core.Trust.Agencies.AgencySummary>(
                    h => h.HandleAsync(Core.Trust.Access.Actor.Console(), brand, "Page matrix world.", default));
            }

            var setup = new Dictionary<string, HttpClient>();
            foreach (var (agency, role) in new[] { ("FR-A", "coordinator"), ("FR-B", "coordinator"), ("FR-B", "officer"), ("RH-BRAND", "rights-holder"), ("RH-OTHER", "rights-holder") })
            {
                var login = $"setup.{role}.{agency.ToLowerInvariant()}";
                await app.AddUserAsync(agency, login, role);
                setup[$"{agency}/{role}"] = app.ClientWithToken(await app.TokenAsync(login));
            }

            var callers = new Dictionary<string, (string, Browserless, string)>();
            foreach (var role in roles)
            {
                var agency = role == "rights-holder" ? "RH-BRAND" : "FR-A";
                var login = $"page.{role}";
                await app.AddUserAsync(agency, login, role);
                var browser = await SignInAsync(app, login);
                var (_, html) = await browser.GetAsync("/Account/ChangePassword");
                callers[role] = (agency, browser, Browserless.AntiforgeryToken(html));
            }

            return new PageWorld(app, callers, setup);
        }

        private static async Task<Browserless> SignInAsync(TestApp app, string login)
        {
            var browser = new Browserless(app, followRedirects: false);
            var (_, form) = await browser.GetAsync("/Account/Login");
            await browser.Client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["login"] = login,
                ["password"] = TestApp.Password,
                ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(form),
            }));
            var (home, _) = await browser.GetAsync("/");
            if (home.Headers.Location?.OriginalString.Contains("EnrolTotp", StringComparison.Ordinal) == true)
            {
                var (_, enrol) = await browser.GetAsync("/Account/EnrolTotp");
                (await browser.Client.PostAsync("/Account/EnrolTotp", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["code"] = Totp.Code(Browserless.Inner(enrol, "totp-key"), DateTimeOffset.UtcNow),
                    ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(enrol),
                }))).EnsureSuccessStatusCode();
            }

            var (signedIn, _) = await browser.GetAsync("/");
            Assert.Equal(System.Net.HttpStatusCode.OK, signedIn.StatusCode);
            return browser;
        }

        public async Task<HttpResponseMessage> SendAsync(string handler, Target target, string role)
        {
            var (ownAgency, browser, antiforgery) = callers[role];
            var own = target != Target.Other;
            var agency = own ? ownAgency : "FR-B";
            var register = own ? "FR-A" : "FR-B";
            var person = agency == "RH-BRAND" ? "rights-holder" : "officer";
            var n = Interlocked.Increment(ref counter);
            var parts = handler.Split(' ');
            var (verb, page, name) = (parts[0], parts[1], parts.Length > 2 ? parts[2] : null);
            var (path, fields) = handler switch
            {
                "POST Account/ChangePassword" => ("/Account/ChangePassword", F(("currentPassword", "Wrong-Password-1!"), ("newPassword", "x"), ("confirmPassword", "x"))),
                "POST Account/EnrolTotp" => ("/Account/EnrolTotp", F(("code", "000000"))),
                "POST Agencies/Index Add" => ("/Agencies", F(("code", $"NEW-{n}"), ("name", "New"), ("kind", "customs"), ("country", "BEL"))),
                "POST Agencies/Index Verify" => ("/Agencies", F(("code", "RH-BRAND"), ("evidence", "Checked."))),
                "POST Agencies/Index Settings" => ("/Agencies", F(("code", own ? "FR-A" : "FR-B"), ("shareConsigneeDetails", "true"))),
                "GET Audit/Index Export" => ("/Audit?format=csv", F()),
                "GET Authentications/New" or "POST Authentications/New" => ($"/Authentications/New?productId={await ProductAsync(true, n)}", F(("quantity", "3"), ("place", "Roissy"))),
                "GET Authentications/Detail" or "POST Authentications/Detail Reply" or "POST Authentications/Detail Message"
                    or "POST Authentications/Detail Outcome" or "POST Authentications/Detail Photo" =>
                    ($"/Authentications/Detail/{await AuthenticationAsync(own, n)}",
                        F(("verdict", "counterfeit"), ("reasons", "Wrong label."), ("text", "Seen."),
                            ("outcome", "seized"))),
                "GET Authentications/Seizures" => ("/Statistics/Seizures", F()),
                "GET Alerts/Index" => ("/Brand/Alerts", F()),
                "POST Alerts/Index" => ("/Brand/Alerts", F(("title", $"Alert {n}"), ("targetCountries", "FRA"))),
                "POST Alerts/Index Close" => ($"/Brand/Alerts?id={await AlertAsync(own)}", F()),
                "GET Products/Own" => ("/Brand/Products", F()),
                "GET Products/Product" or "POST Products/Product" or "POST Products/Product Publish"
                    or "POST Products/Product Picture" =>
                    ($"/Brand/Product/{await ProductAsync(own, n)}", F(("brand", "Lumière"), ("name", $"Changed {n}"))),
                "POST Hits/Index Confirm" or "POST Hits/Index Recover" or "POST Hits/Index Mismatch" =>
                    ("/Hits", F(("id", $"{await CaseAsync(register, n)}"), ("note", "Page matrix."))),
                "GET Hits/Detail" => ($"/Hits/Detail?id={await CaseAsync(register, n)}", F()),
                "GET Pictures/Show" => ($"/Pictures/Show/{await PictureAsync(own, n)}", F()),
                "GET TravelDocuments/Documents" => ("/Documents", F()),
                "POST TravelDocuments/Documents" => ("/Documents", F(("documentNumber", $"P{n:D8}"),
                    ("issuingState", "FRA"), ("documentType", "passport"), ("status", "lost"))),
                "GET TravelDocuments/Document" or "POST TravelDocuments/Document Status"
                    or "POST TravelDocuments/Document Delete" =>
                    ($"/Documents/Detail?id={await RecordAsync(register, n)}",
                        F(("status", "lost"), ("reason", "Page matrix."))),
                "GET TravelDocuments/Screen" => ("/Screen", F()),
                "POST TravelDocuments/Screen" => ("/Screen", F(("mrz", "not an mrz"), ("purpose", "page matrix"))),
                "GET TravelDocuments/Manifest" or "POST TravelDocuments/Manifest" => ("/Screen/Manifest", F()),
                "POST Tokens/Index Create" => ("/Tokens", F(("user", await PersonAsync(agency, person, n)), ("scopes", "tokens:read"), ("expiresInDays", "7"))),
                "POST Tokens/Index Revoke" => ("/Tokens", F(("id", $"{await TokenOfAsync(agency, person, n)}"))),
                "POST Users/Index Add" => ("/Users", F(("agency", agency), ("login", $"added{n}"), ("roles", person), ("password", TestApp.Password))),
                "POST Users/Index Disable" or "POST Users/Index Reset" => ("/Users", F(("login", await PersonAsync(agency, person, n)), ("agency", agency))),
                "POST Users/Index Roles" => ("/Users", F(("login", await PersonAsync(agency, person, n)), ("agency", agency), ("roles", person))),
                _ => ("/" + page.Replace("/Index", "", StringComparison.Ordinal), F()),
            };
            if (name is not null)
            {
                path += (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"handler={name}";
            }

            if (verb == "GET")
            {
                return await browser.Client.GetAsync(path);
            }

            fields["__RequestVerificationToken"] = antiforgery;
            return await browser.Client.PostAsync(path, new FormUrlEncodedContent(fields));
        }

        private static Dictionary<string, string> F(params (string Name, string Value)[] fields) =>
            fields.ToDictionary(f => f.Name, f => f.Value);

        private async Task<string> PersonAsync(string agency, string role, int n)
        {
            var login = $"target{n}";
            await app.AddUserAsync(agency, login, role);
            return login;
        }

        private async Task<Guid> TokenOfAsync(string agency, string role, int n)
        {
            var login = await PersonAsync(agency, role, n);
            await app.TokenAsync(login, "tokens:read");
            await using var context = app.NewContext();
            return context.ApiTokens.Single(t => context.Users.Any(u => u.Id == t.UserId && u.UserName == login)).Id;
        }

        private async Task<Guid> RecordAsync(string agency, int n)
        {
            var response = await setup[$"{agency}/coordinator"].PostAsJsonAsync("/api/v1/documents",
                new { documentNumber = $"M{n:D8}", issuingState = "FRA", documentType = "passport", status = "stolen" });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        private async Task<Guid> CaseAsync(string agency, int n)
        {
            await RecordAsync(agency, n);
            var response = await setup["FR-B/officer"].PostAsJsonAsync("/api/v1/documents/screen",
                new { documentNumber = $"M{n:D8}", issuingState = "FRA", purpose = "page matrix" });
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("matches")[0].GetProperty("caseId").GetGuid();
        }

        private async Task<Guid> ProductAsync(bool own, int n)
        {
            var owner = setup[own ? "RH-BRAND/rights-holder" : "RH-OTHER/rights-holder"];
            var body = 9_507_000_000_000L + n;
            var gtin = $"{body}{Core.Standards.Gtin.CheckDigitOf(body.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
            var response = await owner.PostAsJsonAsync("/api/v1/products", new { brand = "Lumière", name = $"Product {n}", gtins = new[] { gtin } });
            response.EnsureSuccessStatusCode();
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            (await owner.PostAsync($"/api/v1/products/{id}/publish", null)).EnsureSuccessStatusCode();
            return id;
        }

        private async Task<Guid> AuthenticationAsync(bool own, int n)
        {
            var product = await ProductAsync(own, n);
            var response = await setup[own ? "FR-A/coordinator" : "FR-B/coordinator"].PostAsJsonAsync("/api/v1/authentications",
                new { productId = product, quantity = 10, place = "Le Havre" });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        private async Task<Guid> PictureAsync(bool own, int n)
        {
            var owner = setup[own ? "RH-BRAND/rights-holder" : "RH-OTHER/rights-holder"];
            var response = await owner.PostAsync($"/api/v1/products/{await ProductAsync(own, n)}/pictures", new ByteArrayContent(Pictures.Png(8, 8)));
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        private async Task<Guid> AlertAsync(bool own)
        {
            var owner = setup[own ? "RH-BRAND/rights-holder" : "RH-OTHER/rights-holder"];
            var response = await owner.PostAsJsonAsync("/api/v1/alerts", new { title = "Fakes by sea", targetCountries = new[] { "FRA" } });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
    }
}
