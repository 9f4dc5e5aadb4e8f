using System.Text.Json;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

public sealed class MrzCliTests
{
    private static readonly Dictionary<string, string?> NoDatabase = [];

    [Fact]
    public async Task Mrz_parse_prints_the_fields_and_checks_and_exits_0_even_when_a_check_fails()
    {
        // ICAO Doc 9303 Part 4, Appendix A, with the birth date's check digit altered from 2 to 3.
        var run = await PasserelleCli.RunAsync(NoDatabase, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408123F1204159ZE184226B<<<<<10", "mrz", "parse");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("TD3", root.GetProperty("format").GetString());
        Assert.Equal("L898902C3", root.GetProperty("documentNumber").GetString());
        Assert.Equal("1974-08-12", root.GetProperty("birthDate").GetString());
        Assert.False(root.GetProperty("checks").GetProperty("birthDate").GetBoolean());
        Assert.True(root.GetProperty("checks").GetProperty("documentNumber").GetBoolean());
        Assert.False(root.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Mrz_parse_exits_2_naming_the_line_and_its_length_when_the_input_is_not_an_MRZ()
    {
        var run = await PasserelleCli.RunAsync(NoDatabase, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159", "mrz", "parse");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Line 2 has 28 characters", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }
}
