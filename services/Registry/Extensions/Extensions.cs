using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.Registry.Data;
using Paradiplomacy.Registry.IntegrationEvents;
using Paradiplomacy.Registry.Queries;
using Paradiplomacy.ServiceDefaults;

namespace Paradiplomacy.Registry.Extensions;

public static class Extensions
{
    public const string ServiceName = "registry";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults<RegistryDbContext>(ServiceName, bus =>
        {
            // Current partners change when an agreement takes effect or ends.
            bus.AddConsumer<PartnershipConsumer<AgreementActivated>>();
            bus.AddConsumer<PartnershipConsumer<AgreementExpired>>();
            bus.AddConsumer<PartnershipConsumer<AgreementTerminated>>();
        });
        builder.Services.Configure<ReferenceDataOptions>(builder.Configuration.GetSection("Registry:ReferenceData"));
        builder.Services.AddSingleton<CountryDirectory>();
        builder.Services.AddSingleton<CityCache>();
        builder.Services.AddSingleton<CityNameIndex>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CityNameIndex>());
        builder.Services.AddScoped<CitySearch>();
        builder.Services.AddScoped<CityQueries>();
        builder.Services.AddScoped<CityRegistration>();
        builder.Services.AddScoped<ReferenceDataLoader>();
        builder.Services.AddScoped<IDatabaseSeed<RegistryDbContext>, RegistryReferenceSeed>();
        return builder;
    }
}
