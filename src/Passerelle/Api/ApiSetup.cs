using Passerelle.Api.Agencies;
using Passerelle.Api.Alerts;
using Passerelle.Api.Audit;
using Passerelle.Api.Authentications;
using Passerelle.Api.Contract;
using Passerelle.Api.Hits;
using Passerelle.Api.Me;
using Passerelle.Api.Notifications;
using Passerelle.Api.Products;
using Passerelle.Api.Tokens;
using Passerelle.Api.TravelDocuments;
using Passerelle.Api.Users;
using Passerelle.Security;

namespace Passerelle.Api;

internal static class ApiSetup
{
    public static IServiceCollection AddPasserelleApi(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services.AddOpenApi(options =>
        {
            // Operation transformers run as each operation is made, before any document transformer: ApiDocument
            // lists every code the operations were given.
            options.AddOperationTransformer<ErrorResponses>();
            options.AddOperationTransformer<BearerSecurity>();
            options.AddSchemaTransformer<StringEnums>();
            options.AddDocumentTransformer<ApiDocument>();
            options.AddDocumentTransformer<BearerSecurity>();
        });
    }

    public static IEndpointRouteBuilder MapPasserelleApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1").RequireAuthorization(AuthSetup.ApiPolicy).DisableAntiforgery();
        v1.MapMeApi();
        v1.MapAgenciesApi();
        v1.MapUsersApi();
        v1.MapTokensApi();
        v1.MapAuditApi();
        v1.MapScreeningApi();
        v1.MapDocumentsApi();
        v1.MapHitsApi();
        v1.MapNotificationsApi();
        v1.MapProductsApi();
        v1.MapAlertsApi();
        v1.MapAuthenticationsApi();
        return app;
    }
}
