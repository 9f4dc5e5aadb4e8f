using System.Reflection;
using System.Text.Json;
using Passerelle.Core.Common;
using Passerelle.Errors;
using Passerelle.IntegrationTests.Support;
using static Passerelle.IntegrationTests.Contract.ContractDocument;

namespace Passerelle.IntegrationTests.Contract;

/// <summary>
/// Each operation documents the codes it really answers with, and no others: a client generated from the document
/// handles the failures of the operation it calls, not every failure of its capability.
/// </summary>
public sealed partial class DocumentedCodeTests
{
    // ICAO Doc 9303 Part 4, Appendix A: the TD3 specimen passport, document L898902C3.
    private const string Eriksson =
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Every_failure_a_caller_meets_is_documented_under_its_status_on_its_operation(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await ContractWorld.BuildAsync(app);
        var document = await LoadAsync(app);
        var failures = new List<string>();

        foreach (var scenario in Scenarios)
        {
            var (route, operation) = Operation(document, scenario.OperationId);
            var response = await scenario.Send(world);
            var answered = ((int)response.StatusCode, await CodeOfAsync(response));
            if (!Matches(route, response.RequestMessage!))
            {
                failures.Add($"{scenario}: sent to {response.RequestMessage!.RequestUri}, not to {route}");
            }
            else if (answered != (scenario.Status, scenario.Code))
            {
                failures.Add($"{scenario}: answered {answered}");
            }
            else if (!Codes(operation, scenario.Status).Contains(scenario.Code))
            {
                failures.Add($"{scenario}: not documented under {scenario.Status} on {route}");
            }
        }

        Assert.Empty(failures);
        Assert.True(Scenarios.Select(s => s.OperationId).Distinct().Count() >= 40);
    }

    [Fact]
    public async Task An_operation_without_a_body_documents_neither_a_body_too_large_nor_an_unsupported_one()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var document = await LoadAsync(app);

        var bodiless = Operations(document).Where(o => !o.Operation.TryGetProperty("requestBody", out _)).ToList();

        Assert.Contains(bodiless, o => o.Route == "GET /api/v1/pictures/{id}");
        Assert.Contains(bodiless, o => o.Route == "GET /api/v1/products/lookup");
        Assert.Empty(bodiless.Where(o => Problems(o.Operation).Any(p => p.Status is 413 or 415)).Select(o => o.Route));
    }

    [Fact]
    public async Task Every_documented_code_is_in_a_catalogue_under_the_status_its_kind_answers_with()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var document = await LoadAsync(app);
        var catalogued = CoreCatalogues().Select(HttpErrors.Of).Concat(HttpErrors.All)
            .Select(code => (code.Status, code.Code)).ToHashSet();

        var documented = (
            from o in Operations(document)
            from p in Problems(o.Operation)
            from code in p.Codes
            select (o.Route, p.Status, Code: code)).ToList();

        Assert.NotEmpty(documented);
        Assert.Empty(documented.Where(d => !catalogued.Contains((d.Status, d.Code)))
            .Select(d => $"{d.Route}: {d.Status} {d.Code}"));
    }

    [Fact]
    public async Task An_operation_documents_its_own_codes_and_not_those_of_its_capability()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var document = await LoadAsync(app);

        List<string> All(string operationId) =>
            [.. Problems(Operation(document, operationId).Operation).SelectMany(p => p.Codes)];

        Assert.DoesNotContain("document.duplicate", All("ScreenDocument"));
        Assert.DoesNotContain("import.empty", All("ScreenDocument"));
        Assert.DoesNotContain("user.duplicate", All("DescribeMe"));
        Assert.DoesNotContain("picture.too-large", All("ShowPicture"));
        Assert.Contains("screen.purpose", All("ScreenManifest"));
        Assert.Contains("pictures.busy", All("AddProductPicture"));
    }

    /// <summary>The problem's code, or what the answer was if it is no problem.</summary>
    private static async Task<string> CodeOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.GetProperty("code").GetString()!;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }

    /// <summary>Every code of every Core catalogue: the static <see cref="ErrorCode"/> fields of *Errors.</summary>
    private static IEnumerable<ErrorCode> CoreCatalogues() =>
        typeof(ErrorCode).Assembly.GetTypes()
            .Where(type => type.IsClass && type.Name.EndsWith("Errors", StringComparison.Ordinal))
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.FieldType == typeof(ErrorCode))
            .Select(field => (ErrorCode)field.GetValue(null)!);
}
