using System.Text.Json;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Products;

public sealed class CheckCliTests
{
    private static readonly Dictionary<string, string?> NoDatabase = [];

    [Theory]
    [InlineData("gtin", "6291041500213", 0, "06291041500213")]
    [InlineData("gtin", "6291041500214", 1, null)]
    [InlineData("container", "CSQU3054383", 0, "CSQU3054383")]
    [InlineData("container", "CSQU3054384", 1, null)]
    [InlineData("imo", "9074729", 0, "9074729")]
    [InlineData("hs", "851713", 0, "851713")]
    [InlineData("hs", "999999", 1, null)]
    [InlineData("digital-link", "https://id.gs1.org/01/09506000134352/10/ABC123", 0, "https://id.gs1.org/01/09506000134352/10/ABC123")]
    public async Task Check_prints_valid_normalized_and_reason_and_exits_by_validity(string kind, string value, int exitCode, string? normalized)
    {
        var run = await PasserelleCli.RunAsync(NoDatabase, null, "check", kind, value);

        Assert.Equal(exitCode, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(exitCode == 0, json.RootElement.GetProperty("valid").GetBoolean());
        if (normalized is not null)
        {
            Assert.Equal(normalized, json.RootElement.GetProperty("normalized").GetString());
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("reason").GetString()));
        }
    }

    [Fact]
    public async Task A_wrong_GTIN_check_digit_is_named()
    {
        var run = await PasserelleCli.RunAsync(NoDatabase, null, "check", "gtin", "6291041500214");

        using var json = JsonDocument.Parse(run.Output);
        Assert.Contains("should be 3", json.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
