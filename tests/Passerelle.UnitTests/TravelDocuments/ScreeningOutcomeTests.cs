using System.Text.Json;
using Passerelle.Core.TravelDocuments;

namespace Passerelle.UnitTests.TravelDocuments;

public sealed class ScreeningOutcomeTests
{
    [Fact]
    public void Every_outcome_travels_as_the_word_the_api_has_always_sent()
    {
        Assert.Equal(
            ["hit", "possible", "invalid", "clear"], Enum.GetValues<ScreeningOutcome>().Select(o => o.Name()));
        foreach (var outcome in Enum.GetValues<ScreeningOutcome>())
        {
            var json = JsonSerializer.Serialize(outcome);
            Assert.Equal($"\"{outcome.Name()}\"", json);
            Assert.Equal(outcome, JsonSerializer.Deserialize<ScreeningOutcome>(json));
        }
    }

    [Fact]
    public void A_match_travels_as_the_outcome_it_makes()
    {
        Assert.Equal("\"hit\"", JsonSerializer.Serialize(MatchKind.Hit));
        Assert.Equal("\"possible\"", JsonSerializer.Serialize(MatchKind.Possible));
        Assert.Equal(ScreeningOutcome.Hit, MatchKind.Hit.Outcome());
        Assert.Equal(ScreeningOutcome.Possible, MatchKind.Possible.Outcome());
    }

    [Fact]
    public void A_document_s_outcome_is_its_strongest_match_and_clear_without_one()
    {
        Assert.Equal(ScreeningOutcome.Clear, Array.Empty<MatchKind>().Outcome());
        Assert.Equal(ScreeningOutcome.Possible, new[] { MatchKind.Possible, MatchKind.Possible }.Outcome());
        Assert.Equal(ScreeningOutcome.Hit, new[] { MatchKind.Possible, MatchKind.Hit }.Outcome());
    }
}
