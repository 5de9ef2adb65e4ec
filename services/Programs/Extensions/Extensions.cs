using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.Programs.Data;
using Paradiplomacy.Programs.IntegrationEvents;
using Paradiplomacy.Programs.Queries;
using Paradiplomacy.ServiceDefaults;

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
        builder.Services.AddScoped<ProgramQueries>();
        builder.Services.AddScoped<ProgramReports>();
        return builder;
    }
}
