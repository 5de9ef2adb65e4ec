using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.Registry.Data;
using Paradiplomacy.Registry.Domain;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Messaging;

namespace Paradiplomacy.Registry.IntegrationEvents;

/// <summary>Keeps each city's list of current partners from the agreements service's events: an
/// agreement that becomes active adds its parties to each other's list; one that expires, ends or is
/// superseded takes them off (unless another active agreement still binds them).</summary>
public sealed class PartnershipConsumer<TEvent>(
    RegistryDbContext db,
    AggregateWriter<City> writer,
    CityCache cache,
    TimeProvider clock,
    ILogger<PartnershipConsumer<TEvent>> logger)
    : IdempotentConsumer<TEvent, RegistryDbContext>(db, logger)
    where TEvent : AgreementEvent
{
    private readonly List<string> _touched = [];

    protected override async Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        var cityIds = message.ForeignPartyIds.Prepend(message.IndonesianPartyId).Distinct().ToArray();
        // Each city's partners are computed from the active partnerships, then written: two agreements of one city
        // handled at once must not both compute from a read taken before the other committed (the second would
        // write a list without the first's partner, and its version check would pass if it loaded the city after
        // that commit). So the cities are locked first, in id order (no deadlock), until this message commits.
        await Db.Database.ExecuteSqlRawAsync("SELECT 1 FROM cities WHERE id = ANY({0}) ORDER BY id FOR UPDATE", [cityIds], cancellationToken);
        var partnership = await Db.Partnerships.FirstOrDefaultAsync(p => p.AgreementId == message.AgreementId, cancellationToken);
        if (partnership is null)
        {
            partnership = new Partnership { AgreementId = message.AgreementId, IndonesianPartyId = message.IndonesianPartyId, Status = message.Status };
            Db.Partnerships.Add(partnership);
        }
        else if (partnership.AgreementVersion >= message.AgreementVersion)
        {
            logger.LogInformation("Ignored {Event} v{Version} of {AgreementId}: already at v{Current}",
                typeof(TEvent).Name, message.AgreementVersion, message.AgreementId, partnership.AgreementVersion);
            return;
        }
        partnership.IndonesianPartyId = message.IndonesianPartyId;
        partnership.ForeignPartyIds = [.. message.ForeignPartyIds];
        partnership.Status = message.Status;
        partnership.AgreementVersion = message.AgreementVersion;
        await Db.SaveChangesAsync(cancellationToken);

        var active = await Db.Partnerships.AsNoTracking()
            .Where(p => p.Status == "Active" && (cityIds.Contains(p.IndonesianPartyId) || p.ForeignPartyIds.Any(f => cityIds.Contains(f))))
            .ToListAsync(cancellationToken);
        var known = await Db.Cities.AsNoTracking().Where(c => cityIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var cityId in known)
        {
            var partners = active.SelectMany(p => p.IndonesianPartyId == cityId ? p.ForeignPartyIds
                : p.ForeignPartyIds.Contains(cityId) ? [p.IndonesianPartyId] : []).ToList();
            await writer.ChangeBySystemAsync(cityId, $"agreements:{message.AgreementId}", "update_partners", city =>
            {
                if (city.SetCurrentPartners(partners, clock.GetUtcNow()))
                {
                    _touched.Add(city.Id);
                }
            }, cancellationToken);
        }
    }

    protected override async Task AfterCommitAsync(CancellationToken cancellationToken)
    {
        foreach (var id in _touched)
        {
            await cache.InvalidateAsync(id);
        }
    }
}
