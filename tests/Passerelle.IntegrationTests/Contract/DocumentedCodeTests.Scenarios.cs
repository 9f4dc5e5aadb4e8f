using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Contract;

public sealed partial class DocumentedCodeTests
{
    private static readonly Guid Unknown = Guid.Parse("0197a000-0000-7000-8000-000000000001");

    /// <summary>An operation, a request that fails, and the status and code it is answered with.</summary>
    private sealed record Scenario(
        string OperationId, int Status, string Code, Func<ContractWorld, Task<HttpResponseMessage>> Send)
    {
        public override string ToString() => $"{OperationId} {Status} {Code}";
    }

    private static readonly Scenario[] Scenarios =
    [
        new("ScreenDocument", 400, "screen.purpose", w => w.Officer.PostAsJsonAsync(Screen, new { mrz = Eriksson })),
        new("ScreenDocument", 400, "mrz.line-count",
            w => w.Officer.PostAsJsonAsync(Screen, new { mrz = "P<UTOERIKSSON", purpose = "border-check" })),
        new("ScreenDocument", 400, "screen.number",
            w => w.Officer.PostAsJsonAsync(Screen, new { documentNumber = "!!", purpose = "border-check" })),
        new("ScreenDocument", 400, "request.malformed-json",
            w => w.Officer.PostAsync(Screen, Body("{\"mrz\": ", "application/json"))),
        new("ScreenManifest", 400, "manifest.header",
            w => w.Officer.PostAsync($"{Screen}/batch?purpose=border-check", Body("name\nANNA\n", "text/csv"))),
        new("ScreenManifest", 400, "screen.batch-size", w => w.Officer.PostAsJsonAsync(
            $"{Screen}/batch", new { purpose = "border-check", items = Array.Empty<object>() })),
        new("ScreenManifest", 415, "request.unsupported-media-type",
            w => w.Officer.PostAsync($"{Screen}/batch", Body("L898902C3", "text/plain"))),
        new("RegisterDocument", 409, "document.duplicate", w => w.PoliceCoordinator.PostAsJsonAsync(
            "/api/v1/documents",
            new { documentNumber = "L898902C3", issuingState = "UTO", documentType = "passport", status = "lost" })),
        new("RegisterDocument", 400, "document.issuing-state", w => w.PoliceCoordinator.PostAsJsonAsync(
            "/api/v1/documents",
            new { documentNumber = "X1234567", issuingState = "XYZ", documentType = "passport", status = "lost" })),
        new("GetDocument", 404, "document.not-found",
            w => w.PoliceCoordinator.GetAsync($"/api/v1/documents/{Unknown}")),
        new("ChangeDocument", 404, "document.not-found", w => w.PoliceCoordinator.PatchAsJsonAsync(
            $"/api/v1/documents/{Unknown}", new { status = "lost" })),
        new("DeleteDocument", 404, "document.not-found",
            w => w.PoliceCoordinator.DeleteAsync($"/api/v1/documents/{Unknown}?reason=Found")),
        new("FindDocuments", 400, "document.limit", w => w.PoliceCoordinator.GetAsync("/api/v1/documents?limit=0")),
        new("ImportDocuments", 400, "import.empty",
            w => w.PoliceCoordinator.PostAsync("/api/v1/documents/import", Body("", "text/csv"))),
        new("ExportDocuments", 400, "export.agency",
            w => w.PoliceCoordinator.GetAsync("/api/v1/documents/export?agency=NOWHERE")),
        new("ListHits", 400, "hit.status", w => w.Officer.GetAsync("/api/v1/hits?status=lost")),
        new("GetHit", 404, "hit.not-found", w => w.PoliceCoordinator.GetAsync($"/api/v1/hits/{Unknown}")),
        new("ConfirmHit", 404, "hit.not-found",
            w => w.PoliceCoordinator.PostAsync($"/api/v1/hits/{Unknown}/confirm", null)),
        new("LookUpProducts", 400, "gtin.check-digit",
            w => w.Officer.GetAsync("/api/v1/products/lookup?q=6291041500214")),
        new("LookUpProducts", 400, "gtin.too-long",
            w => w.Officer.GetAsync($"/api/v1/products/lookup?q={ContractWorld.Gtin}{ContractWorld.Gtin}")),
        new("LookUpProducts", 400, "product.query", w => w.Officer.GetAsync("/api/v1/products/lookup?q=")),
        new("CreateProduct", 409, "product.gtin-claimed", w => w.Brand.PostAsJsonAsync(
            "/api/v1/products", new { brand = "Lumière", name = "Copy", gtins = new[] { ContractWorld.Gtin } })),
        new("CreateProduct", 400, "gtin.check-digit", w => w.Brand.PostAsJsonAsync(
            "/api/v1/products", new { brand = "Lumière", name = "Typo", gtins = new[] { "6291041500214" } })),
        new("GetProduct", 404, "product.not-found", w => w.Officer.GetAsync($"/api/v1/products/{Unknown}")),
        new("AddProductPicture", 415, "picture.type",
            w => w.Brand.PostAsync($"/api/v1/products/{w.Product}/pictures", Body("not a picture", "image/png"))),
        new("LookUpBarcodePhoto", 400, "barcode.not-found",
            w => w.Officer.PostAsync("/api/v1/products/lookup/photo", Png())),
        new("ShowPicture", 404, "picture.not-found", w => w.Officer.GetAsync($"/api/v1/pictures/{Unknown}")),
        new("RequestAuthentication", 400, "authentication.product", w => w.Officer.PostAsJsonAsync(
            "/api/v1/authentications", new { productId = Unknown, quantity = 1, place = "Le Havre" })),
        new("ReplyToAuthentication", 409, "authentication.replied", w => w.Brand.PostAsJsonAsync(
            $"/api/v1/authentications/{w.Answered}/reply", new { verdict = "genuine", reasons = "Second look." })),
        new("RecordAuthenticationOutcome", 409, "outcome.before-verdict", w => w.Officer.PostAsJsonAsync(
            $"/api/v1/authentications/{w.Unanswered}/outcome", new { outcome = "seized" })),
        new("PostAuthenticationMessage", 400, "authentication.text", w => w.Officer.PostAsJsonAsync(
            $"/api/v1/authentications/{w.Answered}/messages", new { text = "" })),
        new("AddAuthenticationPhoto", 404, "authentication.not-found",
            w => w.Officer.PostAsync($"/api/v1/authentications/{Unknown}/photos", Png())),
        new("CreateAlert", 400, "alert.title", w => w.Brand.PostAsJsonAsync(
            "/api/v1/alerts", new { title = "", targetCountries = new[] { "FRA" } })),
        new("ListAlerts", 400, "alert.container",
            w => w.Officer.GetAsync("/api/v1/alerts?container=CSQU3054384")),
        new("CloseAlert", 404, "alert.not-found", w => w.Brand.PostAsync($"/api/v1/alerts/{Unknown}/close", null)),
        new("DescribeMe", 401, "token.revoked", w => w.Revoked.GetAsync("/api/v1/me")),
        new("ChangeOwnPassword", 400, "password.current-wrong", w => w.Officer.PostAsJsonAsync(
            "/api/v1/me/password", new { currentPassword = "Not-The-Password-1!", newPassword = "New-Pass-2026!" })),
        // A coordinator grants a role beyond its own.
        new("AddUser", 403, "access.denied", w => w.PoliceCoordinator.PostAsJsonAsync("/api/v1/users",
            new { agency = "FR-POLICE", login = "new.admin", roles = new[] { "admin" }, password = TestApp.Password })),
        new("AddUser", 409, "user.duplicate", w => w.Admin.PostAsJsonAsync("/api/v1/users", new
        {
            agency = "FR-POLICE", login = "police.coord", roles = new[] { "coordinator" }, password = TestApp.Password,
        })),
        new("ChangeUserRoles", 400, "user.roles-self", w => w.Admin.PutAsJsonAsync(
            "/api/v1/users/node.admin/roles", new { roles = new[] { "admin", "auditor" } })),
        new("DisableUser", 404, "user.not-found", w => w.Admin.PostAsync("/api/v1/users/nobody/disable", null)),
        new("ListUsers", 404, "agency.not-found", w => w.Admin.GetAsync("/api/v1/users?agency=NOWHERE")),
        new("CreateToken", 400, "token.scope-unknown", w => w.Admin.PostAsJsonAsync(
            "/api/v1/tokens", new { user = "douane.officer", scopes = new[] { "everything" } })),
        new("RevokeToken", 404, "token.not-found", w => w.Admin.DeleteAsync($"/api/v1/tokens/{Unknown}")),
        new("AddAgency", 409, "agency.duplicate", w => w.Admin.PostAsJsonAsync(
            "/api/v1/agencies", new { code = "FR-DOUANE", name = "Douane", kind = "customs", country = "FRA" })),
        new("GetAgency", 404, "agency.not-found", w => w.Admin.GetAsync("/api/v1/agencies/NOWHERE")),
        new("VerifyRightsHolder", 400, "agency.not-rights-holder", w => w.Admin.PostAsJsonAsync(
            "/api/v1/agencies/FR-DOUANE/verify", new { evidence = "Checked." })),
        new("SearchAuditTrail", 400, "audit.limit", w => w.Auditor.GetAsync("/api/v1/audit?limit=0")),
        new("ExportAuditTrail", 400, "audit.format", w => w.Auditor.GetAsync("/api/v1/audit/export?format=xml")),
        new("CreateWebhook", 400, "webhook.url-scheme", w => w.PoliceCoordinator.PostAsJsonAsync(
            "/api/v1/webhooks", new { url = "http://hooks.example.com/passerelle" })),
        new("DisableWebhook", 404, "webhook.not-found",
            w => w.PoliceCoordinator.DeleteAsync($"/api/v1/webhooks/{Unknown}")),
        new("MarkNotificationRead", 404, "notification.not-found",
            w => w.Officer.PostAsync($"/api/v1/notifications/{Unknown}/read", null)),
    ];

    private const string Screen = "/api/v1/documents/screen";

    private static StringContent Body(string text, string type) => new(text, Encoding.UTF8, type);

    /// <summary>A plain red square: a picture with no barcode in it.</summary>
    private static ByteArrayContent Png()
    {
        var content = new ByteArrayContent(Pictures.Png(64, 64));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return content;
    }
}
