using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Passerelle.Core.Trust.Tokens;

/// <summary>
/// Tokens are <c>psl_</c> followed by 256 random bits in base64url. Only their SHA-256 is stored: with that much
/// entropy a fast hash is enough, and lookups stay one indexed read.
/// </summary>
public static class TokenSecret
{
    public const string Marker = "psl_";
    private const int PrefixLength = 12;

    public static string New() => Marker + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Prefix(string token) => token.Length <= PrefixLength ? token : token[..PrefixLength];

    /// <summary>Rejects anything that cannot be a token before it costs a database read.</summary>
    public static bool LooksValid(string token) =>
        token.Length == Marker.Length + 43
        && token.StartsWith(Marker, StringComparison.Ordinal)
        && Base64Url.IsValid(token.AsSpan(Marker.Length));
}
