using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Passerelle.Core.Trust.Audit;

/// <summary>
/// The hash chain: each entry's hash is SHA-256 over the previous hash and the entry's canonical form, so changing,
/// removing or reordering any stored entry breaks every hash from it onwards.
/// </summary>
public static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// Every stored field but the hash itself, each written as its length and its value so that no choice of
    /// content can make two different entries read the same.
    /// </summary>
    public static string Canonical(AuditEntry e)
    {
        var text = new StringBuilder("passerelle-audit-v1");
        Append(text, e.Sequence.ToString(CultureInfo.InvariantCulture));
        Append(text, e.OccurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Append(text, e.EventCode.ToString(CultureInfo.InvariantCulture));
        Append(text, e.Operation);
        Append(text, e.Outcome);
        Append(text, e.UserId?.ToString("D"));
        Append(text, e.Login);
        Append(text, e.AgencyCode);
        Append(text, e.TokenId?.ToString("D"));
        Append(text, e.Target);
        Append(text, e.Purpose);
        Append(text, e.Details);
        Append(text, e.Source);
        Append(text, e.PreviousHash);
        return text.ToString();
    }

    public static string ComputeHash(AuditEntry e) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(e))));

    private static void Append(StringBuilder text, string? value)
    {
        text.Append('|');
        if (value is null)
        {
            text.Append('-');
            return;
        }

        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }
}
