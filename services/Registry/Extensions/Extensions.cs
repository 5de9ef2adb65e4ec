using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.Registry.Data;
using Paradiplomacy.Registry.IntegrationEvents;
using Paradiplomacy.ServiceDefaults;
using Paradiplomacy.ServiceDefaults.Messaging;
using Paradiplomacy.ServiceDefaults.Security;

namespace Paradiplomacy.Registry.Extensions;

public static class Extensions
{
    public const string ServiceName = "registry";
    public const string DatabaseName = "registry-db";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication();
        builder.AddGrpcDefaults();
        builder.AddServiceDatabase<RegistryDbContext>(DatabaseName, o => o.UseSnakeCaseNamingConvention());
        builder.AddRedis();
        builder.AddEventBus<RegistryDbContext>(ServiceName, bus =>
        {
            // Current partners change when an agreement takes effect or ends.
            bus.AddConsumer<PartnershipConsumer<AgreementActivated>>();
            bus.AddConsumer<PartnershipConsumer<AgreementExpired>>();
            bus.AddConsumer<PartnershipConsumer<AgreementTerminated>>();
        });

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<ReferenceDataOptions>(builder.Configuration.GetSection("Registry:ReferenceData"));
        builder.Services.AddSingleton<CountryDirectory>();
        builder.Services.AddSingleton<CityCache>();
        builder.Services.AddScoped<CitySearch>();
        builder.Services.AddScoped<ReferenceDataLoader>();
        builder.Services.AddScoped<IDatabaseSeed<RegistryDbContext>, RegistryReferenceSeed>();
        return builder;
    }
}
