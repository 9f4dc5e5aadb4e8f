using Microsoft.AspNetCore.Identity;
using Passerelle.Core.Trust.Agencies;

namespace Passerelle.Core.Trust.People;

/// <summary>A person who signs in. The login is Identity's user name.</summary>
public sealed class User : IdentityUser<Guid>
{
    public Guid AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? DisabledAt { get; set; }

    /// <summary>
    /// The password was set by someone else (at creation or by a reset): the person chooses their own before doing
    /// anything else.
    /// </summary>
    public bool MustChangePassword { get; set; }
}
