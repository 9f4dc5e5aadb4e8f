using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Passerelle.Core.Notifications;

/// <summary>
/// Webhook signing secrets at rest. Passerelle must sign with the secret itself, so it cannot keep a hash as it does
/// for tokens; it keeps the secret encrypted with the data-protection keys instead. Those keys live in the database
/// too, but a copy of the <c>webhooks</c> table alone (a backup, a replica, an export) no longer yields any secret.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    /// <summary>The purpose isolates these payloads from cookies and antiforgery tokens under the same keys.</summary>
    public const string Purpose = "Passerelle.Webhooks.Secret.v1";

    private const int LegacyHexLength = 64;

    private readonly IDataProtector protector = protection.CreateProtector(Purpose);

    public string Protect(string secret) => protector.Protect(secret);

    /// <summary>
    /// The secret behind a stored value. A plain secret written before secrets were protected (<c>whsec_…</c>, or 64
    /// hex characters before that) is taken as it is, so an existing webhook keeps delivering. Protected payloads
    /// never look like either, so the shape decides. False when the value is neither: its key was lost or revoked,
    /// or it was altered.
    /// </summary>
    public bool TryReveal(string stored, [NotNullWhen(true)] out string? secret)
    {
        if (IsPlain(stored))
        {
            secret = stored;
            return true;
        }

        try
        {
            secret = protector.Unprotect(stored);
            return true;
        }
        catch (CryptographicException)
        {
            secret = null;
            return false;
        }
    }

    /// <summary>Whether a stored value is a secret as it was stored before this class: in plain text.</summary>
    public static bool IsPlain(string stored) =>
        stored.StartsWith(WebhookSignature.SecretPrefix, StringComparison.Ordinal)
        || (stored.Length == LegacyHexLength && stored.All(char.IsAsciiHexDigit));
}
