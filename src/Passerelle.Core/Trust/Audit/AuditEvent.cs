namespace Passerelle.Core.Trust.Audit;

/// <summary>
/// Stable audit event codes, in ranges per area: 1xxx sign-in, 2xxx tokens, 3xxx agencies, 4xxx people,
/// 5xxx the audit trail itself and the database as a whole (backup, restore), 9xxx refusals. A code never changes
/// meaning once released.
/// </summary>
public enum AuditEvent
{
    LoginSucceeded = 1000,
    LoginFailed = 1001,
    LockedOut = 1002,
    Logout = 1003,
    TotpEnrolled = 1010,
    TotpFailed = 1011,
    RecoveryCodeUsed = 1012,
    RecoveryCodesRegenerated = 1013,

    TokenCreated = 2000,
    TokenUsed = 2001,
    TokenRevoked = 2002,
    TokenRejected = 2003,
    TokenRejectionsCounted = 2004,
    TokensListed = 2010,

    AgencyCreated = 3000,
    AgencyVerified = 3001,
    AgencySettingsChanged = 3002,
    AgenciesListed = 3010,
    AgencyViewed = 3011,

    UserCreated = 4000,
    UserDisabled = 4001,
    PasswordChanged = 4002,
    PasswordReset = 4003,
    UserRolesChanged = 4004,
    PasswordChangeFailed = 4005,
    UsersListed = 4010,

    AuditViewed = 5000,
    AuditExported = 5001,
    AuditVerified = 5002,
    DatabaseBackedUp = 5010,
    DatabaseRestored = 5011,

    DocumentRegistered = 6000,
    DocumentChanged = 6001,
    DocumentDeleted = 6002,
    DocumentsImported = 6003,
    DocumentsPurged = 6004,
    DocumentViewed = 6010,
    DocumentsSearched = 6011,
    DocumentsExported = 6012,
    DocumentScreened = 6100,
    HitOpened = 6200,
    HitConfirmed = 6201,
    /// <summary>The document was found; its record became recovered. Older entries read hit.cleared.</summary>
    HitRecovered = 6202,
    HitMismatch = 6203,
    HitViewed = 6210,

    NotificationSent = 7000,
    NotificationsRead = 7001,
    WebhookCreated = 7010,
    WebhookDelivered = 7011,
    WebhookFailed = 7012,
    WebhookDisabled = 7013,
    WebhooksListed = 7014,

    ProductSaved = 8000,
    ProductPublished = 8001,
    ProductsLookedUp = 8010,
    AlertSaved = 8020,
    AuthenticationRequested = 8030,
    AuthenticationReplied = 8031,
    AuthenticationMessage = 8032,
    /// <summary>Operation <c>detention.outcome</c>, the name the trail has always stored.</summary>
    AuthenticationOutcome = 8033,
    AuthenticationViewed = 8034,
    AuthenticationOutcomeCorrected = 8035,
    StatisticsViewed = 8040,
    PictureAdded = 8050,
    PictureViewed = 8051,

    AccessDenied = 9000,
}

public static class AuditEvents
{
    /// <summary>The dotted name shown to people, such as <c>token.created</c>.</summary>
    public static string Operation(this AuditEvent e) => e switch
    {
        AuditEvent.LoginSucceeded => "login.succeeded",
        AuditEvent.LoginFailed => "login.failed",
        AuditEvent.LockedOut => "login.locked-out",
        AuditEvent.Logout => "logout",
        AuditEvent.TotpEnrolled => "totp.enrolled",
        AuditEvent.TotpFailed => "totp.failed",
        AuditEvent.RecoveryCodeUsed => "totp.recovery-code-used",
        AuditEvent.RecoveryCodesRegenerated => "totp.recovery-codes-regenerated",
        AuditEvent.TokenCreated => "token.created",
        AuditEvent.TokenUsed => "token.used",
        AuditEvent.TokenRevoked => "token.revoked",
        AuditEvent.TokenRejected => "token.rejected",
        AuditEvent.TokenRejectionsCounted => "token.rejections-counted",
        AuditEvent.TokensListed => "token.listed",
        AuditEvent.AgencyCreated => "agency.created",
        AuditEvent.AgencyVerified => "agency.verified",
        AuditEvent.AgencySettingsChanged => "agency.settings-changed",
        AuditEvent.AgenciesListed => "agency.listed",
        AuditEvent.AgencyViewed => "agency.viewed",
        AuditEvent.UserCreated => "user.created",
        AuditEvent.UserDisabled => "user.disabled",
        AuditEvent.PasswordChanged => "user.password-changed",
        AuditEvent.PasswordReset => "user.password-reset",
        AuditEvent.UserRolesChanged => "user.roles-changed",
        AuditEvent.PasswordChangeFailed => "user.password-change-failed",
        AuditEvent.UsersListed => "user.listed",
        AuditEvent.AuditViewed => "audit.viewed",
        AuditEvent.AuditExported => "audit.exported",
        AuditEvent.AuditVerified => "audit.verified",
        AuditEvent.DatabaseBackedUp => "database.backed-up",
        AuditEvent.DatabaseRestored => "database.restored",
        AuditEvent.DocumentRegistered => "document.registered",
        AuditEvent.DocumentChanged => "document.changed",
        AuditEvent.DocumentDeleted => "document.deleted",
        AuditEvent.DocumentsImported => "document.imported",
        AuditEvent.DocumentsPurged => "document.purged",
        AuditEvent.DocumentViewed => "document.viewed",
        AuditEvent.DocumentsSearched => "document.searched",
        AuditEvent.DocumentsExported => "document.exported",
        AuditEvent.DocumentScreened => "document.screened",
        AuditEvent.HitOpened => "hit.opened",
        AuditEvent.HitConfirmed => "hit.confirmed",
        AuditEvent.HitRecovered => "hit.recovered",
        AuditEvent.HitMismatch => "hit.mismatch",
        AuditEvent.HitViewed => "hit.viewed",
        AuditEvent.NotificationSent => "notification.sent",
        AuditEvent.NotificationsRead => "notification.read",
        AuditEvent.WebhookCreated => "webhook.created",
        AuditEvent.WebhookDelivered => "webhook.delivered",
        AuditEvent.WebhookFailed => "webhook.failed",
        AuditEvent.WebhookDisabled => "webhook.disabled",
        AuditEvent.WebhooksListed => "webhook.listed",
        AuditEvent.ProductSaved => "product.saved",
        AuditEvent.ProductPublished => "product.published",
        AuditEvent.ProductsLookedUp => "product.looked-up",
        AuditEvent.AlertSaved => "alert.saved",
        AuditEvent.AuthenticationRequested => "authentication.requested",
        AuditEvent.AuthenticationReplied => "authentication.replied",
        AuditEvent.AuthenticationMessage => "authentication.message",
        AuditEvent.AuthenticationOutcome => "detention.outcome",
        AuditEvent.AuthenticationViewed => "authentication.viewed",
        AuditEvent.AuthenticationOutcomeCorrected => "detention.outcome-corrected",
        AuditEvent.StatisticsViewed => "statistics.viewed",
        AuditEvent.PictureAdded => "picture.added",
        AuditEvent.PictureViewed => "picture.viewed",
        AuditEvent.AccessDenied => "access.denied",
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, "Unknown audit event."),
    };
}

public static class Outcomes
{
    /// <summary>Work recorded before it is done, because what it discloses must be on record first.</summary>
    public const string Started = "started";

    public const string Success = "success";
    public const string Failure = "failure";
    public const string Denied = "denied";
}
