using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.Meetings.Data;
using Paradiplomacy.Meetings.Domain;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Messaging;

namespace Paradiplomacy.Meetings.IntegrationEvents;

/// <summary>Keeps the local copy of each program (newest version wins); a cancelled program's meetings
/// still to come are cancelled with it.</summary>
public sealed class ProgramProjectionConsumer<TEvent>(
    MeetingsDbContext db,
    AggregateWriter<Meeting> writer,
    TimeProvider clock,
    ILogger<ProgramProjectionConsumer<TEvent>> logger)
    : IdempotentConsumer<TEvent, MeetingsDbContext>(db, logger)
    where TEvent : ProgramEvent
{
    protected override async Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        var program = await Db.Programs.FirstOrDefaultAsync(p => p.ProgramId == message.ProgramId, cancellationToken);
        if (program is null)
        {
            program = new MeetingProgram { ProgramId = message.ProgramId };
            Db.Programs.Add(program);
        }
        var title = message is ProgramCreated created ? created.Title : message.ProgramTitle;
        if (!program.Apply(message.ProgramVersion, message.AgreementId, message.RegionCode, message.Status, title))
        {
            logger.LogInformation("Ignored {Event} v{Version} of {ProgramId}: already at v{Current}", typeof(TEvent).Name, message.ProgramVersion, message.ProgramId, program.Version);
            return;
        }
        await Db.SaveChangesAsync(cancellationToken);
        if (message is not ProgramCancelled)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var open = await Db.Meetings.AsNoTracking()
            .Where(m => m.ProgramId == program.ProgramId && m.Status == MeetingStatus.Scheduled && m.Occurrences.Any(o => o.StartsAt > now))
            .Select(m => m.Id).ToListAsync(cancellationToken);
        foreach (var id in open)
        {
            await writer.ChangeBySystemAsync(id, $"programs:{program.ProgramId}", "close_for_program",
                m => { m.CloseBecause("The program was cancelled.", $"programs:{program.ProgramId}", now); }, cancellationToken);
        }
    }
}
