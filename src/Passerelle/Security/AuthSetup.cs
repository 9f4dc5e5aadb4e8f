using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.People;

namespace Passerelle.Security;

internal static class AuthSetup
{
    public const string ApiPolicy = "api";
    private const string Smart = "passerelle";

    public static IServiceCollection AddPasserelleAuth(this IServiceCollection services)
    {
        services.AddIdentity<User, IdentityRole<Guid>>()
            .AddEntityFrameworkStores<PasserelleDb>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<Localization.IdentityErrorsInUiLanguage>()
            .AddClaimsPrincipalFactory<PasserelleClaimsFactory>();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "passerelle";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.LoginPath = "/Account/Login";
            cookie.LogoutPath = "/Account/Logout";
            cookie.AccessDeniedPath = "/Account/Denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });

        // A disabled person's session ends within a minute, not at the default half hour.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Smart;
                options.DefaultAuthenticateScheme = Smart;
                options.DefaultChallengeScheme = Smart;
                options.DefaultForbidScheme = Smart;
            })
            // The API takes tokens alone, so anything under /api, a route or not, is refused as an API refuses: a 401
            // problem, never a redirect to the login page.
            .AddPolicyScheme(Smart, "Cookie or bearer token", policy => policy.ForwardDefaultSelector = http =>
                http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                || http.Request.Headers.Authorization.ToString()
                    .StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);

        services.AddScoped<SignInAudit>();
        services.AddScoped<IAuthorizationHandler, RouteScopeGuard>();

        services.AddAuthorizationBuilder()
            // Pages refuse API tokens in PageAccessFilter (AccessRules.MayUsePages); the fallback stays on the smart
            // scheme so a token's unknown route is still a 404 problem and a wrong content type a 415.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            // The API takes tokens only: a browser's cookie never authorizes an API call, so there is no CSRF to fear.
            // The smart scheme already sends anything under /api to the token handler, which answers a second ask
            // from its cache; naming the scheme here keeps the policy token-only wherever a route using it is mapped,
            // and RouteScopeGuard refuses, and audits, any identity that is not a token's.
            .AddPolicy(ApiPolicy, policy => policy
                .AddAuthenticationSchemes(BearerTokenHandler.SchemeName)
                .RequireAuthenticatedUser()
                .AddRequirements(new RouteScopeRequirement()));
        return services;
    }

    /// <summary>
    /// Someone who must choose their own password sees only that page until they have; then someone who must enrol
    /// TOTP sees only the enrolment page until they have.
    /// </summary>
    public static IApplicationBuilder UseAccountGates(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var path = http.Request.Path;
        var open = path.StartsWithSegments("/css", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/Culture", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/Account/Logout", StringComparison.OrdinalIgnoreCase);
        if (!open && http.User.HasClaim(c => c.Type == PasserelleClaims.PasswordChangePending)
            && !path.StartsWithSegments("/Account/ChangePassword", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.Redirect("/Account/ChangePassword");
            return Task.CompletedTask;
        }

        if (!open && http.User.HasClaim(c => c.Type == PasserelleClaims.TotpPending)
            && !path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.Redirect("/Account/EnrolTotp");
            return Task.CompletedTask;
        }

        return next(http);
    });
}
