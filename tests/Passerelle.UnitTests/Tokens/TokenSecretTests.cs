using FsCheck.Xunit;
using Passerelle.Core.Trust.Tokens;

namespace Passerelle.UnitTests.Tokens;

public sealed class TokenSecretTests
{
    [Property(MaxTest = 200)]
    public bool Every_new_token_looks_valid_and_its_prefix_cannot_stand_for_it()
    {
        var token = TokenSecret.New();
        return TokenSecret.LooksValid(token) && TokenSecret.Prefix(token).Length == 12 && token.Length == 47;
    }

    [Fact]
    public void Tokens_do_not_repeat() =>
        Assert.Equal(1000, Enumerable.Range(0, 1000).Select(_ => TokenSecret.New()).Distinct(StringComparer.Ordinal).Count());

    [Theory]
    [InlineData("")]
    [InlineData("psl_short")]
    [InlineData("abc_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("psl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA*")]
    public void Anything_else_is_not_a_token(string value) => Assert.False(TokenSecret.LooksValid(value));

    [Fact]
    public void The_hash_is_sha256_hex_of_the_whole_token() =>
        Assert.Equal("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", TokenSecret.Hash("foo"));
}
