using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.Funding.Data;
using Paradiplomacy.Funding.Domain;
using Paradiplomacy.ServiceDefaults.Messaging;

namespace Paradiplomacy.Funding.IntegrationEvents;

/// <summary>Keeps the local copy of each program from the programs service's events (the newest version
/// wins, whatever order they arrive in): a cancelled or completed program takes no more money.</summary>
public sealed class ProgramProjectionConsumer<TEvent>(FundingDbContext db, ILogger<ProgramProjectionConsumer<TEvent>> logger)
    : IdempotentConsumer<TEvent, FundingDbContext>(db, logger)
    where TEvent : ProgramEvent
{
    protected override async Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        var program = await Db.Programs.FirstOrDefaultAsync(p => p.ProgramId == message.ProgramId, cancellationToken);
        if (program is null)
        {
            program = new FundedProgram { ProgramId = message.ProgramId };
            Db.Programs.Add(program);
        }
        var (start, end) = message switch
        {
            ProgramCreated c => (c.StartDate, c.EndDate),
            ProgramPostponed p => (p.NewStartDate, p.NewEndDate),
            _ => ((DateOnly?)null, (DateOnly?)null),
        };
        var title = message is ProgramCreated created ? created.Title : message.ProgramTitle;
        if (!program.Apply(message.ProgramVersion, message.Status, message.AgreementId, message.RegionCode, title, message.Field, message.ForeignPartyIds, start, end))
        {
            logger.LogInformation("Ignored {Event} v{Version} of {ProgramId}: already at v{Current}",
                typeof(TEvent).Name, message.ProgramVersion, message.ProgramId, program.Version);
        }
    }
}
