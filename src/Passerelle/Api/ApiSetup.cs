using Passerelle.Api.Agencies;
using Passerelle.Api.Audit;
using Passerelle.Api.Me;
using Passerelle.Api.Tokens;
using Passerelle.Api.Users;
using Passerelle.Security;

namespace Passerelle.Api;

internal static class ApiSetup
{
    public static IEndpointRouteBuilder MapPasserelleApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1").RequireAuthorization(AuthSetup.ApiPolicy).DisableAntiforgery();
        v1.MapMeApi();
        v1.MapAgenciesApi();
        v1.MapUsersApi();
        v1.MapTokensApi();
        v1.MapAuditApi();
        return app;
    }
}
