using Passerelle.Core.Notifications;

namespace Passerelle.UnitTests.Notifications;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void Signing_reproduces_the_standard_webhooks_test_vector()
    {
        // The vector published with the Standard Webhooks reference libraries (standard-webhooks/standard-webhooks,
        // libraries/*: "sign" tests).
        Assert.True(WebhookSignature.TryGetKey("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", out var key));

        var signature = WebhookSignature.Sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}""");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void A_new_secret_is_whsec_and_32_random_bytes()
    {
        var secret = WebhookSignature.NewSecret();

        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.True(WebhookSignature.TryGetKey(secret, out var key));
        Assert.Equal(32, key.Length);
        Assert.NotEqual(secret, WebhookSignature.NewSecret());
    }

    [Theory]
    [InlineData("")]
    [InlineData("whsec_")]
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_c2hvcnQ=")] // five bytes: too short to be a key
    public void A_secret_that_is_not_a_key_is_refused_rather_than_signing_with_nothing(string secret) =>
        Assert.False(WebhookSignature.TryGetKey(secret, out _));

    [Fact]
    public void A_hex_secret_issued_before_standard_webhooks_still_reads_as_a_key()
    {
        var old = Convert.ToHexStringLower(new byte[32]);

        Assert.True(WebhookSignature.TryGetKey(old, out var key));
        Assert.Equal(Convert.FromBase64String(old), key);
    }
}
