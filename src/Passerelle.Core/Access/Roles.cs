using System.Collections.Frozen;

namespace Passerelle.Core.Access;

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

    /// <summary>Roles whose holders always need a second factor, whatever the configuration says.</summary>
    public static readonly FrozenSet<string> AlwaysNeedTotp =
        new[] { Admin, Coordinator }.ToFrozenSet(StringComparer.Ordinal);
}
