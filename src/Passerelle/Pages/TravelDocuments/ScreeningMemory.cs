using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Passerelle.Core.TravelDocuments;
using Passerelle.Security;

namespace Passerelle.Pages.TravelDocuments;

/// <summary>What the screening page shows after its redirect: the answer, and what was screened.</summary>
public sealed record ScreenOutcome(ScreenResult Result, string Screened, DateTime At);

/// <summary>
/// What the screening page keeps between requests, in the officer's browser and nowhere else, so any node behind the
/// load balancer can show it: the last answer, for the redirect after a screening and any reload of it; and the
/// purpose and location, for the rest of the browser session. Both are encrypted and signed with the nodes' shared
/// data-protection keys, bound to the person, sent only to /Screen, and never put in a URL: an answer holds the
/// holder's name and birth date. The URL carries only a random id naming which answer to show.
/// </summary>
internal sealed class ScreeningMemory(IDataProtectionProvider protection, bool secure)
{
    /// <summary>How long a reload still shows an answer; an older one would pass for the traveller in front.</summary>
    public static readonly TimeSpan ShownFor = TimeSpan.FromMinutes(10);

    private const string ResultCookie = "passerelle.screen.result";
    private const string ContextCookie = "passerelle.screen.context";

    // Browsers keep at most about 4 KB a cookie; an answer past this is trimmed before it is kept.
    private const int MaxCookieLength = 3800;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // One purpose per cookie, so neither cookie's value is ever read as the other's.
    private readonly IDataProtector results = protection.CreateProtector("Passerelle.Screen.Memory.v1", "result");
    private readonly IDataProtector contexts = protection.CreateProtector("Passerelle.Screen.Memory.v1", "context");

    public static ScreeningMemory For(HttpContext http) => new(
        http.RequestServices.GetRequiredService<IDataProtectionProvider>(),
        HttpsSetup.IsRequired(http) || http.Request.IsHttps);

    /// <summary>Keeps the answer and returns the id the redirect names it by.</summary>
    public string RememberResult(HttpContext http, Guid user, ScreenOutcome outcome)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var trimmed = new[]
        {
            outcome.Result,
            outcome.Result with { Mrz = null, Warnings = null },
            outcome.Result with { Mrz = null, Warnings = null, Matches = outcome.Result.Matches?.Take(2).ToList() },
        };
        var value = trimmed.Select(r => Protect(results, new KeptResult(user, id, outcome with { Result = r })))
            .FirstOrDefault(v => v.Length <= MaxCookieLength)
            ?? Protect(results,
                new KeptResult(user, id, outcome with { Result = new ScreenResult(outcome.Result.Result) }));
        var options = Options();
        options.MaxAge = ShownFor;
        http.Response.Cookies.Append(ResultCookie, value, options);
        return id;
    }

    /// <summary>The answer the id names, if it is this person's and recent; otherwise null.</summary>
    public ScreenOutcome? RecallResult(HttpContext http, Guid user, string id, DateTime now)
    {
        var kept = Unprotect<KeptResult>(results, http.Request.Cookies[ResultCookie]);
        // A value of another shape reads with nulls where this one has none: as if there were no cookie.
        if (kept is null || kept.Outcome?.Result?.Result is null || kept.Outcome.Screened is null
            || kept.User != user || now - kept.Outcome.At > ShownFor)
        {
            http.Response.Cookies.Delete(ResultCookie, Options());
            return null;
        }

        return kept.Id == id ? kept.Outcome : null;
    }

    public void RememberContext(HttpContext http, Guid user, string purpose, string? location) =>
        http.Response.Cookies.Append(
            ContextCookie, Protect(contexts, new KeptContext(user, purpose, location)), Options());

    public (string Purpose, string? Location)? RecallContext(HttpContext http, Guid user) =>
        Unprotect<KeptContext>(contexts, http.Request.Cookies[ContextCookie]) is { Purpose: not null } kept
            && kept.User == user ? (kept.Purpose, kept.Location) : null;

    /// <summary>Signing out forgets both, so the next person at the terminal starts with nothing.</summary>
    public static void Forget(HttpContext http)
    {
        var options = new CookieOptions { Path = "/Screen", HttpOnly = true, SameSite = SameSiteMode.Strict };
        http.Response.Cookies.Delete(ResultCookie, options);
        http.Response.Cookies.Delete(ContextCookie, options);
    }

    /// <summary>The browser drops both when its session ends, the answer sooner (<see cref="ShownFor"/>).</summary>
    private CookieOptions Options() => new()
    {
        Path = "/Screen",
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = secure,
        IsEssential = true,
    };

    private static string Protect<T>(IDataProtector protector, T value) =>
        protector.Protect(JsonSerializer.Serialize(value, Json));

    private static T? Unprotect<T>(IDataProtector protector, string? value)
        where T : class
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(protector.Unprotect(value), Json);
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            // Altered, from a key since revoked, or from an older shape: as if there were none.
            return null;
        }
    }

    private sealed record KeptResult(Guid User, string Id, ScreenOutcome Outcome);

    private sealed record KeptContext(Guid User, string Purpose, string? Location);
}
