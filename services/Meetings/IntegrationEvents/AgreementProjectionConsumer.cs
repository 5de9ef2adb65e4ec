using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.Meetings.Data;
using Paradiplomacy.Meetings.Domain;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Messaging;
using Paradiplomacy.ServiceDefaults.Projections;

namespace Paradiplomacy.Meetings.IntegrationEvents;

/// <summary>Keeps the local copy of each agreement (newest version wins). Meetings may be held while an
/// agreement is negotiated, so drafts are heard of too; when it expires, ends or is withdrawn, what its
/// meetings still had to come is cancelled, each through the write path with notice to the participants.</summary>
public sealed class AgreementProjectionConsumer<TEvent>(
    MeetingsDbContext db,
    AggregateWriter<Meeting> writer,
    TimeProvider clock,
    ILogger<AgreementProjectionConsumer<TEvent>> logger)
    : IdempotentConsumer<TEvent, MeetingsDbContext>(db, logger)
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
        if (!agreement.HasEnded && agreement.Status != "Withdrawn")
        {
            return;
        }
        var now = clock.GetUtcNow();
        var open = await Db.Meetings.AsNoTracking()
            .Where(m => m.AgreementId == agreement.AgreementId && m.Status == MeetingStatus.Scheduled && m.Occurrences.Any(o => o.StartsAt > now))
            .Select(m => m.Id).ToListAsync(cancellationToken);
        foreach (var id in open)
        {
            await writer.ChangeBySystemAsync(id, $"agreements:{agreement.AgreementId}", "close_for_agreement",
                m => { m.CloseBecause($"The agreement is {agreement.Status}.", $"agreements:{agreement.AgreementId}", now); }, cancellationToken);
        }
        if (open.Count > 0)
        {
            logger.LogInformation("Cancelled what was to come of {Count} meetings of {AgreementId}: the agreement is {Status}", open.Count, agreement.AgreementId, agreement.Status);
        }
    }
}
