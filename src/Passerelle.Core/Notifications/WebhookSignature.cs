using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Passerelle.Core.Notifications;

/// <summary>
/// Standard Webhooks signatures (standardwebhooks.com, "Signature scheme"), so a receiver verifies a delivery with
/// any of that project's libraries: <c>webhook-signature: v1,&lt;base64 HMAC-SHA256 of "id.timestamp.body"&gt;</c>,
/// keyed by the bytes of the secret <c>whsec_&lt;base64&gt;</c>.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// The key bytes of a secret: the base64 after <c>whsec_</c>. Secrets issued before Standard Webhooks are hex
    /// without the prefix; hex is base64 too, and Standard Webhooks libraries read them the same way.
    /// </summary>
    public static bool TryGetKey(string secret, out byte[] key)
    {
        var text = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        key = new byte[text.Length];
        if (Convert.TryFromBase64String(text, key, out var written) && written >= 16)
        {
            key = key[..written];
            return true;
        }

        key = [];
        return false;
    }

    public static string Sign(byte[] key, string id, long timestamp, string body)
    {
        var signed = $"{id}.{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}";
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(signed)));
    }
}
