using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.UnitTests.Audit;

public sealed class AuditDetailsTests
{
    private static Dictionary<string, JsonElement> Fields(AuditDetails details) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(details.ToJson())!;

    [Theory]
    [InlineData("perfume; role=admin")]
    [InlineData("perfume\",\"role\":\"admin")]
    [InlineData("\",\"x\":\"")]
    [InlineData("perfume}{\"role\":\"admin\"}")]
    [InlineData("query=x\nrole=admin")]
    public void A_user_s_text_is_one_field_s_value_never_a_field(string typed)
    {
        var fields = Fields(AuditDetails.With("query", typed).And("results", 2));

        Assert.Equal(["query", "results"], fields.Keys);
        Assert.Equal(typed, fields["query"].GetString());
        Assert.Equal(2, fields["results"].GetInt32());
    }

    [Fact]
    public void Fields_keep_the_order_they_were_added_in() =>
        Assert.Equal(
            """{"name":"Douane → Le Havre","kind":"customs","verified":false,"roles":["officer","coordinator"],"note":null}""",
            AuditDetails.With("name", "Douane → Le Havre").And("kind", "customs").And("verified", false)
                .And("roles", ["officer", "coordinator"]).And("note", (string?)null).ToJson());

    [Fact]
    public void A_long_value_is_clipped_with_a_marker()
    {
        var value = Fields(AuditDetails.With("evidence", new string('x', 2000)))["evidence"].GetString()!;

        Assert.Equal(new string('x', AuditDetails.MaxValueLength) + AuditDetails.ClipMarker, value);
    }

    [Fact]
    public void Clipping_never_splits_a_surrogate_pair()
    {
        var value = new string('x', AuditDetails.MaxValueLength - 1) + "😀tail";

        Assert.Equal(new string('x', AuditDetails.MaxValueLength - 1) + AuditDetails.ClipMarker, AuditDetails.Clip(value));
    }

    [Fact]
    public void Text_with_a_lone_surrogate_is_still_written_as_one_value()
    {
        var fields = Fields(AuditDetails.With("query", "a\ud800b").And("results", 0));

        Assert.Equal(["query", "results"], fields.Keys);
        Assert.StartsWith("a", fields["query"].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_named_twice_is_a_bug() =>
        Assert.Throws<ArgumentException>(() => AuditDetails.With("query", "a").And("query", "b"));

    [Property]
    public bool Any_text_reads_back_as_the_one_value_of_its_field(NonNull<string> typed)
    {
        var fields = Fields(AuditDetails.With("query", typed.Get).And("results", 1));
        var expected = AuditDetails.Clip(typed.Get);
        return fields.Count == 2 && (fields["query"].GetString() == expected || HasLoneSurrogate(expected));
    }

    // A lone surrogate is not text JSON can carry; the writer stores U+FFFD in its place, still inside the one value.
    private static bool HasLoneSurrogate(string text) =>
        text.Where((c, i) => char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]))).Any();
}
