using System.Net.Http.Json;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

public sealed class ScreenCliTests
{
    // ICAO Doc 9303 Part 4, Appendix A: the specimen's two lines, one with its birth date changed and its check
    // digits not, on one CSV line (an MRZ's lines may be split by spaces).
    private const string Forged =
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<< X898902C36UTO7408132F1204159ZE184226B<<<<<10";

    [Fact]
    public async Task Documents_screen_writes_each_travellers_document_check_beside_the_result()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite, kestrel: true);
        await app.AddAgencyAsync("FR-POLICE", "police");
        await app.AddAgencyAsync("FR-DOUANE", "customs");
        await app.AddUserAsync("FR-POLICE", "police.coord", "coordinator");
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        // A real socket for the CLI: the in-memory clients do not reach a Kestrel-started app.
        using var owner = new HttpClient { BaseAddress = app.BaseAddress };
        owner.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync("police.coord"));
        var record = new
        {
            documentNumber = "L898902C3",
            issuingState = "UTO",
            documentType = "passport",
            status = "stolen",
        };
        (await owner.PostAsJsonAsync("/api/v1/documents", record)).EnsureSuccessStatusCode();
        var token = await app.TokenAsync("douane.officer", "documents:screen");
        var folder = Directory.CreateTempSubdirectory("passerelle-screen-cli-");
        var manifest = Path.Combine(folder.FullName, "af123.csv");
        await File.WriteAllTextAsync(manifest, $"documentNumber,issuingState,mrz\nL898902C3,UTO,\n,,{Forged}\n");

        var run = await PasserelleCli.RunAsync(new Dictionary<string, string?>(), null, "documents", "screen", manifest,
            "--server", app.BaseAddress!.ToString(), "--token", token, "--purpose", "manifest");

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = await File.ReadAllLinesAsync(Path.Combine(folder.FullName, "af123.results.csv"));
        Assert.Equal("line,result,recordId,ownerAgency,status,caseId,error,documentCheck,checkReasons", lines[0]);
        Assert.EndsWith(",not-checked,document.no-mrz", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2,hit,", lines[1], StringComparison.Ordinal);
        // X898902C3 is not the number its check digit was made for either.
        var reasons = "mrz.check-digit.document-number mrz.check-digit.birth-date mrz.check-digit.composite";
        Assert.EndsWith($",fail,{reasons}", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("3,clear,", lines[2], StringComparison.Ordinal);
        folder.Delete(recursive: true);
    }
}
