using MassTransit;
using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.Funding.Data;
using Paradiplomacy.Funding.IntegrationEvents;
using Paradiplomacy.Funding.Queries;
using Paradiplomacy.ServiceDefaults;
using ProgramsClient = Paradiplomacy.Contracts.Programs.V1.Programs.ProgramsClient;

namespace Paradiplomacy.Funding.Extensions;

public static class Extensions
{
    public const string ServiceName = "funding";

    /// <summary>Receipts of up to 5 MiB arrive as JSON (base64) through the gateway.</summary>
    private const int MaxMessageBytes = 8 * 1024 * 1024;

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults<FundingDbContext>(ServiceName, bus =>
        {
            // The programs money is booked for: who runs them, and when they end.
            bus.AddConsumer<ProgramProjectionConsumer<ProgramCreated>>();
            bus.AddConsumer<ProgramProjectionConsumer<ProgramApproved>>();
            bus.AddConsumer<ProgramProjectionConsumer<ProgramStarted>>();
            bus.AddConsumer<ProgramProjectionConsumer<ProgramPostponed>>();
            bus.AddConsumer<ProgramProjectionConsumer<ProgramPivoted>>();
            bus.AddConsumer<ProgramProjectionConsumer<ProgramCompleted>>();
            bus.AddConsumer<ProgramProjectionConsumer<ProgramCancelled>>();
        }, MaxMessageBytes);
        // A program not yet heard of is asked of the programs service: services:programs:grpc:0 by service discovery.
        builder.Services.AddGrpcClient<ProgramsClient>(o => o.Address = new Uri("http://_grpc.programs")).AddServiceDiscovery();
        builder.Services.AddScoped<IDatabaseSeed<FundingDbContext>, NationalSources>();
        builder.Services.AddScoped<ProgramDirectory>();
        builder.Services.AddScoped<RateTable>();
        builder.Services.AddScoped<RequestGuard>();
        builder.Services.AddScoped<FundingQueries>();
        builder.Services.AddScoped<FundingReports>();
        builder.Services.AddScoped<IatiActivity>();
        return builder;
    }
}
