using System.Collections.Frozen;

namespace Passerelle.Core.Trust.Access;

public static class Roles
{
    public const string Officer = "officer";
    public const string Investigator = "investigator";
    public const string Coordinator = "coordinator";
    public const string Auditor = "auditor";
    public const string Admin = "admin";
    public const string RightsHolder = "rights-holder";

    public static readonly FrozenSet<string> All =
        new[] { Officer, Investigator, Coordinator, Auditor, Admin, RightsHolder }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>What a coordinator may grant, in its own agency only.</summary>
    public static readonly FrozenSet<string> CoordinatorGrants =
        new[] { Officer, Investigator, Coordinator }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> None = FrozenSet<string>.Empty;

    /// <summary>Roles whose holders always need a second factor, whatever the configuration says.</summary>
    public static readonly FrozenSet<string> AlwaysNeedTotp =
        new[] { Admin, Coordinator, Auditor }.ToFrozenSet(StringComparer.Ordinal);
}
