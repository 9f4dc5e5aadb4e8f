using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

public sealed class ImportTests
{
    private const string Csv =
        "documentNumber,issuingState,documentType,status,reportedOn,holderName,holderBirthDate\n" +
        "L898902C3,UTO,passport,stolen,2026-10-01,ERIKSSON ANNA,1974-08-12\n" +
        "X1,ZZZ,passport,stolen,2026-10-01,,\n" +
        "AB1234567,FRA,identity-card,lost,2026-09-30,,\n" +
        "CD7654321,FRA,passport,stolen-blank,2026-09-30,SOMEONE,\n" +
        "EF1111111,BEL,visa,revoked,not-a-date,,\n" +
        "\"GH 222-2222\",FRA,residence-permit,invalid,2026-08-01,\"DUPONT, JEAN\",1980-01-31\n";

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_CSV_with_bad_rows_keeps_the_good_ones_reports_each_bad_line_and_a_rerun_adds_nothing(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-POLICE", "police");
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = db.ToString(), ["ConnectionStrings:Passerelle"] = app.ConnectionString };
        var file = Path.Combine(Path.GetTempPath(), $"passerelle-import-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, Csv);

        var first = await PasserelleCli.RunAsync(settings, null, "documents", "import", file, "--agency", "FR-POLICE");
        var second = await PasserelleCli.RunAsync(settings, null, "documents", "import", file, "--agency", "FR-POLICE");

        Assert.Equal(1, first.ExitCode);
        Assert.Contains("Created 3, updated 0, unchanged 0, rejected 3", first.Output, StringComparison.Ordinal);
        Assert.Contains("Created 0, updated 0, unchanged 3, rejected 3", second.Output, StringComparison.Ordinal);
        var report = await File.ReadAllLinesAsync(Path.ChangeExtension(file, ".report.csv"));
        Assert.Equal("line,reason", report[0]);
        Assert.StartsWith("3,", report[1], StringComparison.Ordinal);
        Assert.Contains("ZZZ", report[1], StringComparison.Ordinal);
        Assert.StartsWith("5,", report[2], StringComparison.Ordinal);
        Assert.Contains("stolen blank", report[2], StringComparison.Ordinal);
        Assert.StartsWith("6,", report[3], StringComparison.Ordinal);
        Assert.Contains("not-a-date", report[3], StringComparison.Ordinal);
        await using var context = app.NewContext();
        Assert.Equal(["AB1234567", "GH2222222", "L898902C3"], (await context.TravelDocuments.Select(d => d.NormalizedNumber).ToListAsync()).Order(StringComparer.Ordinal));
        Assert.Equal("DUPONT, JEAN", (await context.TravelDocuments.SingleAsync(d => d.NormalizedNumber == "GH2222222")).HolderName);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_row_that_breaks_the_CSV_grammar_is_reported_by_line_and_not_guessed_at(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var csv = "documentNumber,issuingState,documentType,status,reportedOn,holderName,holderBirthDate\n" +
            "IJ3333333,FRA,passport,stolen,2026-10-01,O\"BRIEN,\n" +
            "KL4444444,FRA,passport,stolen,2026-10-01,\"MARTIN\" JR,\n" +
            "AB1234567,FRA,identity-card,lost,2026-09-30,,\n";

        var imported = await world.PoliceCoordinator.PostAsync("/api/v1/documents/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        var report = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        var rejected = report.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([2, 3], rejected.Select(r => r.GetProperty("line").GetInt32()));
        Assert.Contains("quote", rejected[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        await using var context = app.NewContext();
        Assert.Equal(["AB1234567"], await context.TravelDocuments.Select(d => d.NormalizedNumber).ToListAsync());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Imported_records_are_screened_at_once_and_an_export_imports_back_unchanged(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);

        var imported = await world.PoliceCoordinator.PostAsync("/api/v1/documents/import", new StringContent(Csv, Encoding.UTF8, "text/csv"));
        var report = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, report.GetProperty("created").GetInt32());
        Assert.Equal([3, 5, 6], report.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()));
        Assert.Equal("hit", (await RegisterWorld.ScreenAsync(world.CustomsOfficer, new { documentNumber = "AB1234567", issuingState = "FRA", purpose = "border-check" })).GetProperty("result").GetString());

        var export = await world.PoliceCoordinator.GetStringAsync("/api/v1/documents/export");
        Assert.Equal(4, export.Trim().Split('\n').Length);
        var again = await world.PoliceCoordinator.PostAsync("/api/v1/documents/import", new StringContent(export, Encoding.UTF8, "text/csv"));
        var second = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 0, 3), (second.GetProperty("created").GetInt32(), second.GetProperty("updated").GetInt32(), second.GetProperty("unchanged").GetInt32()));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_formula_in_a_free_text_field_exports_defused_and_imports_back_unchanged(Db db)
    {
        const string formula = "=HYPERLINK(\"http://x\",\"y\")";
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        var registered = await world.PoliceCoordinator.PostAsJsonAsync("/api/v1/documents", new
        {
            documentNumber = "L898902C3",
            issuingState = "UTO",
            documentType = "passport",
            status = "stolen",
            remarks = formula,
            holderName = "@ERIKSSON",
            nationalReference = "-PV-42",
        });
        registered.EnsureSuccessStatusCode();

        var export = await world.PoliceCoordinator.GetStringAsync("/api/v1/documents/export");
        var again = await world.PoliceCoordinator.PostAsync("/api/v1/documents/import", new StringContent(export, Encoding.UTF8, "text/csv"));

        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", export, StringComparison.Ordinal);
        Assert.Contains("\"'@ERIKSSON\"", export, StringComparison.Ordinal);
        Assert.Contains("\"'-PV-42\"", export, StringComparison.Ordinal);
        var report = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 0, 1), (report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32(), report.GetProperty("unchanged").GetInt32()));
        await using var context = app.NewContext();
        var stored = await context.TravelDocuments.SingleAsync();
        Assert.Equal((formula, "@ERIKSSON", "-PV-42"), (stored.Remarks, stored.HolderName, stored.NationalReference));
    }
}
