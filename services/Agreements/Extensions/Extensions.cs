using Paradiplomacy.Agreements.Data;
using Paradiplomacy.Agreements.Domain;
using Paradiplomacy.Agreements.Jobs;
using Paradiplomacy.Agreements.Queries;
using Paradiplomacy.ServiceDefaults;
using CityRegistryClient = Paradiplomacy.Contracts.Registry.V1.CityRegistry.CityRegistryClient;

namespace Paradiplomacy.Agreements.Extensions;

public static class Extensions
{
    public const string ServiceName = "agreements";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults<AgreementsDbContext>(ServiceName, maxMessageBytes: 12 * 1024 * 1024); // documents up to 10 MiB

        // Parties are checked against the registry as it is now: services:registry:grpc:0 by service discovery.
        builder.Services.AddGrpcClient<CityRegistryClient>(o => o.Address = new Uri("http://_grpc.registry"))
            .AddServiceDiscovery();
        builder.Services.AddScoped<RegistryParties>();

        builder.Services.AddClearancePolicy(builder.Configuration);
        builder.Services.Configure<LifecycleOptions>(builder.Configuration.GetSection("Agreements:Lifecycle"));
        builder.Services.AddScoped<AgreementVersions>();
        builder.Services.AddScoped<AgreementDocuments>();
        builder.Services.AddScoped<AgreementQueries>();
        builder.Services.AddSingleton<AgreementLifecycleJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AgreementLifecycleJob>());
        return builder;
    }

    /// <summary>Agreements:RequiredClearances, Agreements:ExpiryNoticeDays and Agreements:PartyLevels, each
    /// configured list in place of its default.</summary>
    public static IServiceCollection AddClearancePolicy(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ClearancePolicy>(configuration.GetSection("Agreements"));
        services.PostConfigure<ClearancePolicy>(policy => policy.ApplyDefaults());
        services.Configure<PartyLevelRule>(configuration.GetSection("Agreements"));
        services.PostConfigure<PartyLevelRule>(rule => PartyLevelRule.WithDefaults(rule));
        return services;
    }
}
