using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.Programs.Data;
using Paradiplomacy.Programs.Domain;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Messaging;
using Paradiplomacy.ServiceDefaults.Projections;

namespace Paradiplomacy.Programs.IntegrationEvents;

/// <summary>Keeps the local copy of each agreement from the agreements service's events (newest version
/// wins, whatever order they arrive in). When an agreement expires or ends, its open programs are
/// flagged in the same transaction, each through the write path with an audit record.</summary>
public sealed class AgreementProjectionConsumer<TEvent>(
    ProgramsDbContext db,
    AggregateWriter<CooperationProgram> writer,
    TimeProvider clock,
    ILogger<AgreementProjectionConsumer<TEvent>> logger)
    : IdempotentConsumer<TEvent, ProgramsDbContext>(db, logger)
    where TEvent : AgreementEvent
{
    protected override async Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        var agreement = await Db.Agreements.FirstOrDefaultAsync(a => a.AgreementId == message.AgreementId, cancellationToken);
        if (agreement is null)
        {
            agreement = new PartnerAgreement { AgreementId = message.AgreementId };
            Db.Agreements.Add(agreement);
        }
        if (!agreement.Apply(message))
        {
            logger.LogInformation("Ignored {Event} v{Version} of {AgreementId}: already at v{Current}",
                typeof(TEvent).Name, message.AgreementVersion, message.AgreementId, agreement.Version);
            return;
        }
        await Db.SaveChangesAsync(cancellationToken);
        if (!agreement.HasEnded)
        {
            return;
        }
        var open = await Db.Programs.AsNoTracking()
            .Where(p => p.AgreementId == agreement.AgreementId
                        && (p.Status == ProgramStatus.Planned || p.Status == ProgramStatus.Approved || p.Status == ProgramStatus.InProgress || p.Status == ProgramStatus.Postponed))
            .Select(p => p.Id).ToListAsync(cancellationToken);
        foreach (var id in open)
        {
            await writer.ChangeBySystemAsync(id, $"agreements:{agreement.AgreementId}", "flag_agreement_ended",
                program => { program.FlagAgreementEnded(agreement.Status, clock.GetUtcNow()); }, cancellationToken);
        }
        if (open.Count > 0)
        {
            logger.LogInformation("Flagged {Count} open programs of {AgreementId}: the agreement is {Status}", open.Count, agreement.AgreementId, agreement.Status);
        }
    }
}
