namespace Passerelle.Core.Trust.Audit;

/// <summary>
/// What an audit entry is about, one factory per kind of target, so every entry about the same thing names it the
/// same way and an auditor's search by target finds them all.
/// </summary>
public static class AuditTarget
{
    public static string Agency(string code) => $"agency:{code}";

    public static string User(string login) => $"user:{login}";

    /// <summary>The people of one agency, or of every agency.</summary>
    public static string Users(string? agencyCode) => $"users:{agencyCode ?? "*"}";

    public static string Token(Guid id) => $"token:{id}";

    public static string TokenPrefix(string prefix) => $"token-prefix:{prefix}";

    public static string Document(Guid id) => $"document:{id}";

    /// <summary>A document named by its issuing state and number, before it is known to the register.</summary>
    public static string Document(string? issuingState, string number) => $"document:{issuingState ?? "?"}/{number}";

    public static string Hit(Guid id) => $"hit:{id}";

    public static string Product(Guid id) => $"product:{id}";

    public static string Gtin(string gtin) => $"gtin:{gtin}";

    public static string Container(string number) => $"container:{number}";

    public static string Alert(Guid id) => $"alert:{id}";

    public static string Authentication(Guid id) => $"authentication:{id}";

    public static string Picture(Guid id) => $"picture:{id}";

    public static string Notification(Guid id) => $"notification:{id}";

    public static string Webhook(Guid id) => $"webhook:{id}";

    /// <summary>The webhooks of one agency.</summary>
    public static string Webhooks(string agencyCode) => $"webhooks:{agencyCode}";

    public static string Address(string address) => $"address:{address}";

    public static string Route(string method, string path) => $"route:{method} {path}";

    public static string Page(string path) => $"page:{path}";

    public static string Console(string user) => $"console:{user}";
}
