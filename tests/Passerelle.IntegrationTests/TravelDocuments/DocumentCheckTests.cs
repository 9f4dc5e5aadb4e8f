using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

/// <summary>The document check beside the register's answer: what the MRZ says of itself, with its reasons.</summary>
public sealed class DocumentCheckTests
{
    // ICAO Doc 9303 Part 4, Appendix A: the TD3 specimen passport, document L898902C3.
    private const string Line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    private const string Line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    // The specimen with its birth date changed to 13 August and the check digits left alone, as a forger would.
    private const string Forged = Line1 + "\n" + "L898902C36UTO7408132F1204159ZE184226B<<<<<10";

    // The garbled read: check digits fail, and the state, nationality and birth date are no codes or dates.
    private const string Garbled =
        "P<QQQERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36QQQ7413322F1204159ZE184226B<<<<<10";

    private static string[] Codes(JsonElement answer) =>
        [.. answer.GetProperty("documentCheckReasons").EnumerateArray()
            .Select(r => r.GetProperty("code").GetString()!)];

    private static (string?, string?) ResultAndCheck(JsonElement answer) =>
        (answer.GetProperty("result").GetString(), answer.GetProperty("documentCheck").GetString());

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_MRZ_whose_check_digits_fail_answers_documentCheck_fail_with_reasons_beside_clear(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);

        var answer = await RegisterWorld.ScreenAsync(world.CustomsOfficer, new { mrz = Forged, purpose = "check" });

        Assert.Equal(("clear", "fail"), ResultAndCheck(answer));
        Assert.Equal(["mrz.check-digit.birth-date", "mrz.check-digit.composite"], Codes(answer));
        var reason = answer.GetProperty("documentCheckReasons")[0];
        Assert.Equal("The birth date's check digit is wrong.", reason.GetProperty("message").GetString());
        await using var context = app.NewContext();
        var entry = await context.AuditEntries.SingleAsync(e => e.Operation == "document.screened");
        Assert.Contains("\"documentCheck\":\"fail\"", entry.Details, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_garbled_MRZ_fails_on_every_code_and_date_it_gets_wrong_each_named_with_its_value(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);

        var answer = await RegisterWorld.ScreenAsync(world.CustomsOfficer, new { mrz = Garbled, purpose = "check" });

        Assert.Equal("fail", answer.GetProperty("documentCheck").GetString());
        string[] expected = [
            "mrz.check-digit.birth-date", "mrz.check-digit.composite", "mrz.issuing-state", "mrz.nationality",
            "mrz.birth-date"];
        Assert.Equal(expected, Codes(answer));
        var values = answer.GetProperty("documentCheckReasons").EnumerateArray()
            .Where(r => r.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String)
            .Select(r => r.GetProperty("value").GetString());
        Assert.Equal(["QQQ", "QQQ", "741332"], values);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_hit_stays_a_hit_when_the_check_fails_and_a_sound_document_passes(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");

        var forged = await RegisterWorld.ScreenAsync(world.CustomsOfficer, new { mrz = Forged, purpose = "check" });
        var specimen = Line1 + "\n" + Line2;
        var sound = await RegisterWorld.ScreenAsync(world.CustomsOfficer, new { mrz = specimen, purpose = "check" });

        Assert.Equal(("hit", "fail"), ResultAndCheck(forged));
        Assert.NotEmpty(Codes(forged));
        Assert.Equal(("hit", "pass"), ResultAndCheck(sound));
        Assert.Empty(Codes(sound));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_typed_number_is_not_checked_and_says_what_could_not_be_checked(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await RegisterWorld.BuildAsync(app);

        var answer = await RegisterWorld.ScreenAsync(world.CustomsOfficer,
            new { documentNumber = "ZZ9999999", issuingState = "UTO", purpose = "border-check" });
        var batch = await world.CustomsOfficer.PostAsJsonAsync("/api/v1/documents/screen/batch", new
        {
            purpose = "advance-passenger-information",
            items = new object[]
            {
                new { documentNumber = "X1", issuingState = "UTO" }, new { mrz = Forged }, new { documentNumber = "!" },
            },
        });

        Assert.Equal(("clear", "not-checked"), ResultAndCheck(answer));
        Assert.Equal(["document.no-mrz"], Codes(answer));
        var results = (await batch.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal("not-checked", results[0].GetProperty("documentCheck").GetString());
        Assert.Equal("fail", results[1].GetProperty("documentCheck").GetString());
        Assert.False(results[2].TryGetProperty("documentCheck", out _));
    }
}
