using MassTransit;
using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.Programs.Data;
using Paradiplomacy.Programs.IntegrationEvents;
using Paradiplomacy.Programs.Queries;
using Paradiplomacy.ServiceDefaults;
using Paradiplomacy.ServiceDefaults.Projections;
using AgreementsClient = Paradiplomacy.Contracts.Agreements.V1.Agreements.AgreementsClient;

namespace Paradiplomacy.Programs.Extensions;

public static class Extensions
{
    public const string ServiceName = "programs";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults<ProgramsDbContext>(ServiceName, bus =>
        {
            // The agreements programs are planned under: their terms when in effect, their end when it comes.
            bus.AddConsumer<AgreementProjectionConsumer<AgreementRegistered>>();
            bus.AddConsumer<AgreementProjectionConsumer<AgreementSigned>>();
            bus.AddConsumer<AgreementProjectionConsumer<AgreementActivated>>();
            bus.AddConsumer<AgreementProjectionConsumer<AgreementExpired>>();
            bus.AddConsumer<AgreementProjectionConsumer<AgreementTerminated>>();
        });
        // Once at start, after the bus has bound the queues, the agreements in effect that no event told of:
        // services:agreements:grpc:0 by service discovery.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        builder.Services.AddGrpcClient<AgreementsClient>(o => o.Address = new Uri("http://_grpc.agreements")).AddServiceDiscovery();
        builder.Services.AddHostedService<AgreementCatchUp<ProgramsDbContext>>();
        builder.Services.AddScoped<ProgramQueries>();
        builder.Services.AddScoped<ProgramReports>();
        return builder;
    }
}
