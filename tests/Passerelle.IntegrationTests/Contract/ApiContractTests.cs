using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Passerelle.IntegrationTests.Support;
using Passerelle.IntegrationTests.TravelDocuments;
using static Passerelle.IntegrationTests.Contract.ContractDocument;

namespace Passerelle.IntegrationTests.Contract;

/// <summary>
/// The OpenAPI document as clients generate from it. Each test walks every operation, so a route added without its
/// name, description, problem responses or security fails here.
/// </summary>
public sealed partial class ApiContractTests
{
    // ICAO Doc 9303 Part 4, Appendix A: the TD3 specimen passport, document L898902C3.
    private const string Eriksson =
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

    [Fact]
    public async Task Every_operation_has_a_PascalCase_operation_id_a_summary_a_description_and_a_tag()
    {
        var document = await DocumentAsync();

        var operations = Operations(document).ToList();
        var ids = operations.Select(o => Text(o.Operation, "operationId")).ToList();

        Assert.True(operations.Count >= 58, $"only {operations.Count} operations");
        Assert.Empty(operations.Where(o => !PascalCase().IsMatch(Text(o.Operation, "operationId"))
            || Text(o.Operation, "summary").Length == 0 || Text(o.Operation, "description").Length == 0
            || !o.Operation.TryGetProperty("tags", out var tags) || tags.GetArrayLength() == 0)
            .Select(o => o.Route));
        Assert.Empty(ids.GroupBy(id => id).Where(same => same.Count() > 1).Select(same => same.Key));
    }

    [Fact]
    public async Task Every_operation_documents_its_problem_responses_with_their_codes()
    {
        var document = await DocumentAsync();

        var problems = Operations(document).SelectMany(o => Problems(o.Operation).Select(p => (o.Route, p))).ToList();

        Assert.Empty(Operations(document).Where(o => !Problems(o.Operation).Any(p => p.Status is >= 400 and < 500))
            .Select(o => o.Route));
        Assert.Empty(problems.Where(p => p.p.Codes.Count == 0
            || p.p.Schema != "#/components/schemas/ProblemDetails").Select(p => $"{p.Route} {p.p.Status}"));
        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails");
        Assert.Equal(["code", "detail", "errors", "requestId", "status", "title", "traceId", "type"],
            schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_api_operation_requires_a_bearer_token_and_documents_its_refusal()
    {
        var document = await DocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer"), (Text(scheme, "type"), Text(scheme, "scheme")));
        var api = Operations(document).Where(o => o.Route.Contains(" /api/v1/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(api);
        Assert.Empty(api.Where(o => !o.Operation.TryGetProperty("security", out var security)
            || !security.EnumerateArray().Any(requirement => requirement.TryGetProperty("Bearer", out _))
            || !Codes(o.Operation, 401).Contains("auth.required")
            || !Codes(o.Operation, 403).Contains("access.denied")).Select(o => o.Route));
    }

    [Fact]
    public async Task Every_code_an_operation_names_is_listed_once_in_the_description_of_the_api()
    {
        var document = await DocumentAsync();

        var listed = TableRow().Matches(Text(document.GetProperty("info"), "description"))
            .SelectMany(row => Code().Matches(row.Groups["codes"].Value)
                .Select(code => (Status: Number(row.Groups["status"].Value), Code: code.Groups[1].Value)))
            .ToList();
        var named = Operations(document).SelectMany(o => Problems(o.Operation))
            .SelectMany(p => p.Codes.Select(code => (p.Status, Code: code))).Distinct().ToList();

        Assert.Contains((503, "database.unavailable"), listed);
        Assert.Empty(named.Except(listed));
        Assert.Equal(listed.Count, listed.Distinct().Count());
    }

    [Fact]
    public async Task Enums_sent_by_name_are_string_schemas_with_their_values()
    {
        var document = await DocumentAsync();

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var named = schemas.EnumerateObject().Where(s => s.Value.TryGetProperty("enum", out var values)
            && values.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String)).ToList();

        Assert.Contains(named, s => s.Name == "ScreeningOutcome");
        Assert.Empty(named.Where(s => Text(s.Value, "type") != "string").Select(s => s.Name));
        Assert.Equal(["hit", "possible", "invalid", "clear"],
            schemas.GetProperty("ScreeningOutcome").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task The_code_a_screening_without_purpose_is_answered_with_is_the_one_documented()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var world = await RegisterWorld.BuildAsync(app);
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));

        var response = await world.CustomsOfficer.PostAsJsonAsync("/api/v1/documents/screen", new { mrz = Eriksson });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        var screen = Operations(document.RootElement).Single(o => Text(o.Operation, "operationId") == "ScreenDocument");
        Assert.Contains(code!, Codes(screen.Operation, 400));
    }

    private static async Task<JsonElement> DocumentAsync()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        return await LoadAsync(app);
    }

    [GeneratedRegex("^[A-Z][A-Za-z]+$")]
    private static partial Regex PascalCase();

    [GeneratedRegex(@"^\| [^|]+ \| (?<status>\d{3}) \| (?<codes>[^|]+) \|$", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
