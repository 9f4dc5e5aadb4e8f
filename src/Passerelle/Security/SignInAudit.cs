using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Audit;
using Passerelle.Core.Trust.People;

namespace Passerelle.Security;

/// <summary>
/// Records sign-in events. What someone typed as a login is kept only if it could be a login, never a password.
/// </summary>
public sealed class SignInAudit(AuditWriter audit, PasserelleDb db)
{
    public async Task RecordAsync(
        HttpContext http, AuditEvent e, string outcome, User? user, string? typedLogin, AuditDetails? details = null)
    {
        var agency = user is null
            ? null
            : await db.Agencies.AsNoTracking()
                .Where(a => a.Id == user.AgencyId)
                .Select(a => a.Code)
                .FirstOrDefaultAsync();
        var login = user?.UserName
            ?? (typedLogin is not null && AddUser.IsLoginShaped(typedLogin) ? typedLogin : "(not a login)");
        await audit.AppendAsync(new AuditRecord(e, outcome, user?.Id, login, agency, null,
            Target: AuditTarget.User(login), Details: details, Source: http.Connection.RemoteIpAddress?.ToString()),
            http.RequestAborted);
    }
}
