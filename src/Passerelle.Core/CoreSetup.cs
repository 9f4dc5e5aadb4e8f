using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Passerelle.Core.Alerts;
using Passerelle.Core.Authentications;
using Passerelle.Core.Backup;
using Passerelle.Core.Data;
using Passerelle.Core.Demo;
using Passerelle.Core.Hits;
using Passerelle.Core.Home;
using Passerelle.Core.Notifications;
using Passerelle.Core.Pictures;
using Passerelle.Core.Products;
using Passerelle.Core.TravelDocuments;
using Passerelle.Core.Trust.Agencies;
using Passerelle.Core.Trust.Audit;
using Passerelle.Core.Trust.People;
using Passerelle.Core.Trust.Tokens;

namespace Passerelle.Core;

public static class CoreSetup
{
    /// <summary>Everything every front end shares: data, audit, and one handler per operation, by capability.</summary>
    public static IServiceCollection AddPasserelleCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Common.LogStorm>();
        return services
            .AddPasserelleData()
            .AddAudit()
            .AddAgencies()
            .AddPeople()
            .AddTokens()
            .AddTravelDocuments()
            .AddHits()
            .AddNotifications()
            .AddProducts()
            .AddAlerts()
            .AddAuthentications()
            .AddPictures()
            .AddBackup()
            .AddDemo()
            .AddHome();
    }
}
