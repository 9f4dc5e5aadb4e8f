using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Passerelle.Core.Agencies;
using Passerelle.Core.Audit;
using Passerelle.Core.Data;
using Passerelle.Core.Demo;
using Passerelle.Core.Hits;
using Passerelle.Core.Notifications;
using Passerelle.Core.People;
using Passerelle.Core.Tokens;
using Passerelle.Core.TravelDocuments;

namespace Passerelle.Core;

public static class CoreSetup
{
    /// <summary>Everything every front end shares: data, audit, and one handler per operation.</summary>
    public static IServiceCollection AddPasserelleCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Common.LogStorm>();
        services.AddPasserelleData();
        services.AddOptions<SignInSettings>().BindConfiguration(SignInSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IdentityOptions>().Configure<IOptions<SignInSettings>>((identity, settings) => settings.Value.Apply(identity));

        services.AddSingleton<AuditedChange>();
        services.AddSingleton<AuditWriter>();
        services.AddScoped<VerifyAuditTrail>();
        services.AddScoped<SearchAuditTrail>();
        services.AddOptions<AuditSettings>().BindConfiguration(AuditSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AuditCheckpointKey>();
        services.AddScoped<WriteAuditCheckpoint>();

        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<Backup.BackupDatabase>();
        services.AddScoped<Backup.RestoreDatabase>();
        services.AddScoped<DemoWorld>();

        services.AddScoped<AddAgency>();
        services.AddScoped<ListAgencies>();
        services.AddScoped<VerifyRightsHolder>();
        services.AddScoped<ChangeAgencySettings>();

        services.AddScoped<AddUser>();
        services.AddScoped<ListUsers>();
        services.AddScoped<DisableUser>();
        services.AddScoped<ResetPassword>();
        services.AddScoped<ChangeUserRoles>();
        services.AddScoped<ChangeOwnPassword>();
        services.AddScoped<DescribeMe>();

        services.AddScoped<CreateToken>();
        services.AddScoped<ListTokens>();
        services.AddScoped<RevokeToken>();
        services.AddScoped<AuthenticateToken>();
        services.AddSingleton<TokenCache>();
        services.AddSingleton<TokenRefusals>();

        services.AddOptions<RegisterSettings>().BindConfiguration(RegisterSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<RegisterSettings>>().Value);
        services.AddSingleton<ScreeningIndex>();
        services.AddScoped<DocumentWriter>();
        services.AddScoped<RegisterDocument>();
        services.AddScoped<ChangeDocument>();
        services.AddScoped<DeleteDocument>();
        services.AddScoped<FindDocuments>();
        services.AddScoped<FollowRegister>();
        services.AddScoped<ImportDocuments>();
        services.AddScoped<ExportDocuments>();
        services.AddScoped<PurgeRegister>();
        services.AddScoped<Products.SaveProduct>();
        services.AddScoped<Products.PublishProduct>();
        services.AddScoped<Products.FindProducts>();
        services.AddScoped<Products.Alerts>();
        services.AddScoped<Products.Detentions>();
        services.AddScoped<Pictures.PictureStore>();
        services.AddOptions<Pictures.PicturesSettings>().BindConfiguration(Pictures.PicturesSettings.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Pictures.ImageWork>();
        services.AddSingleton<Pictures.BarcodePhoto>();
        services.AddSingleton<Agencies.AgencyDirectory>();
        services.AddSingleton<Products.ProductCatalogue>();
        services.AddScoped<Products.FollowCatalogue>();
        services.AddScoped<Pictures.ProductPictures>();
        services.AddScoped<Pictures.ShowPicture>();
        services.AddScoped<Products.DetentionPhotos>();
        services.AddScoped<Products.DetentionSteps>();
        services.AddScoped<Products.DetentionOutcomes>();
        services.AddSingleton<Pictures.IBlobStore>(provider =>
            new Pictures.FileSystemBlobStore(provider.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Blobs:Path"] ?? Path.Combine("data", "blobs")));
        services.AddScoped<Products.SeizureStatistics>();
        services.AddOptions<Products.ProductsSettings>().BindConfiguration("Products").ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ScreenDocuments>();
        services.AddScoped<OpenHits>();
        services.AddScoped<DecideHit>();
        services.AddScoped<ListHits>();
        services.AddScoped<Inbox>();
        services.AddScoped<Home.CountWork>();
        services.AddOptions<WebhookSettings>().BindConfiguration(WebhookSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        // Needs the host's IDataProtectionProvider (WebApp); the CLI neither registers nor delivers webhooks.
        services.AddSingleton<WebhookSecrets>();
        services.AddScoped<ManageWebhooks>();
        services.AddScoped<DeliverWebhooks>();
        services.AddScoped<ProtectPlainWebhookSecrets>();
        services.AddSingleton<WebhookSignal>();
        services.AddScoped<Outbox>();
        return services;
    }
}
