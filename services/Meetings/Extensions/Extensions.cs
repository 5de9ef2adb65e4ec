using MassTransit;
using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.Meetings.Data;
using Paradiplomacy.Meetings.IntegrationEvents;
using Paradiplomacy.Meetings.Jobs;
using Paradiplomacy.Meetings.Queries;
using Paradiplomacy.ServiceDefaults;
using Paradiplomacy.ServiceDefaults.Projections;
using AgreementsClient = Paradiplomacy.Contracts.Agreements.V1.Agreements.AgreementsClient;
using CityRegistryClient = Paradiplomacy.Contracts.Registry.V1.CityRegistry.CityRegistryClient;

namespace Paradiplomacy.Meetings.Extensions;

public static class Extensions
{
    public const string ServiceName = "meetings";

    /// <summary>Minutes in several languages arrive as JSON through the gateway.</summary>
    private const int MaxMessageBytes = 2 * 1024 * 1024;

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults<MeetingsDbContext>(ServiceName, bus =>
        {
            // Who the parties are, from the first draft on (partners meet while they negotiate), and when they stop.
            bus.AddConsumer<AgreementProjectionConsumer<AgreementDrafted>>();
            bus.AddConsumer<AgreementProjectionConsumer<AgreementSubmitted>>();
            bus.AddConsumer<AgreementProjectionConsumer<AgreementRegistered>>();
            bus.AddConsumer<AgreementProjectionConsumer<AgreementSigned>>();
            bus.AddConsumer<AgreementProjectionConsumer<AgreementActivated>>();
            bus.AddConsumer<AgreementProjectionConsumer<AgreementExpired>>();
            bus.AddConsumer<AgreementProjectionConsumer<AgreementTerminated>>();
            bus.AddConsumer<AgreementProjectionConsumer<AgreementWithdrawn>>();
            // The programs meetings may be for.
            bus.AddConsumer<ProgramProjectionConsumer<ProgramCreated>>();
            bus.AddConsumer<ProgramProjectionConsumer<ProgramApproved>>();
            bus.AddConsumer<ProgramProjectionConsumer<ProgramStarted>>();
            bus.AddConsumer<ProgramProjectionConsumer<ProgramCompleted>>();
            bus.AddConsumer<ProgramProjectionConsumer<ProgramCancelled>>();
        }, MaxMessageBytes);
        builder.Services.Configure<MeetingOptions>(builder.Configuration.GetSection("Meetings"));
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        // services:agreements:grpc:0 and services:registry:grpc:0 by service discovery.
        builder.Services.AddGrpcClient<AgreementsClient>(o => o.Address = new Uri("http://_grpc.agreements")).AddServiceDiscovery();
        builder.Services.AddGrpcClient<CityRegistryClient>(o => o.Address = new Uri("http://_grpc.registry")).AddServiceDiscovery();
        builder.Services.AddHostedService<AgreementCatchUp<MeetingsDbContext>>();
        builder.Services.AddSingleton<MeetingCalendarJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MeetingCalendarJob>());
        builder.Services.AddSingleton<PresenceBoard>();
        builder.Services.AddScoped<PlaceDirectory>();
        builder.Services.AddScoped<BookingCheck>();
        builder.Services.AddScoped<TimeFinder>();
        builder.Services.AddScoped<MeetingQueries>();
        return builder;
    }
}
