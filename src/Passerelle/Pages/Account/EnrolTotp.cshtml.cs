using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;
using Passerelle.Core.Trust.People;
using Passerelle.Localization;
using Passerelle.Security;
using QRCoder;

namespace Passerelle.Pages.Account;

/// <summary>Shows a TOTP key as a QR code and as text, checks one code from it, then shows recovery codes once.</summary>
public sealed class EnrolTotpModel(UserManager<User> users, SignInManager<User> signIn, SignInAudit audit, UiText text) : PasserellePage
{
    protected internal override bool MayOpen(Actor actor) => AccessRules.MayUseOwnAccount(actor);

    [BindProperty(Name = "code")]
    public string? Code { get; set; }

    public string Key { get; private set; } = "";

    public string QrDataUri { get; private set; } = "";

    public bool AlreadyEnrolled { get; private set; }

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await CurrentAsync();
        if (user is null)
        {
            return RedirectToPage("./Login");
        }

        AlreadyEnrolled = user.TwoFactorEnabled;
        if (!AlreadyEnrolled)
        {
            await LoadKeyAsync(user);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await CurrentAsync();
        if (user is null)
        {
            return RedirectToPage("./Login");
        }

        if (user.TwoFactorEnabled)
        {
            AlreadyEnrolled = true;
            return Page();
        }

        var code = Code?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal) ?? "";
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await audit.RecordAsync(HttpContext, AuditEvent.TotpFailed, Outcomes.Failure, user, null, AuditDetails.With("reason", "wrong code at enrolment"));
            Show(PeopleErrors.TotpCode.With(text["The code is wrong."], "code"));
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        await audit.RecordAsync(HttpContext, AuditEvent.TotpEnrolled, Outcomes.Success, user, null);
        await signIn.RefreshSignInAsync(user);
        return Page();
    }

    /// <summary>
    /// The person signed in, only while this session still stands: both handlers may refresh the sign-in, and a fresh
    /// cookie for a session already ended (disabled, password reset: a stamp changed since the last minute's check)
    /// would bring it back for hours.
    /// </summary>
    private async Task<User?> CurrentAsync()
    {
        var user = await signIn.ValidateSecurityStampAsync(User);
        if (user is null || user.DisabledAt is not null)
        {
            await signIn.SignOutAsync();
            return null;
        }

        return user;
    }

    private async Task LoadKeyAsync(User user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
            // A new key changes the security stamp; without a fresh cookie this session would end at the next check.
            await signIn.RefreshSignInAsync(user);
        }

        Key = Group(key);
        var uri = $"otpauth://totp/Passerelle:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer=Passerelle&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }

    private static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }
}
