using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Paradiplomacy.ServiceDefaults.Data;
using V1 = Paradiplomacy.Contracts.Agreements.V1;

namespace Paradiplomacy.ServiceDefaults.Projections;

/// <summary>At start, once the service's queues are bound (the bus starts first), the agreements in
/// effect that the projection has not heard of: signed before this service was deployed, or while its
/// queues did not exist. Read once from the agreements service's open list; from then on the events
/// keep the projection current, and an overlap is harmless (the newest version wins). An agreements
/// service that does not answer delays the start by at most a few seconds: the events still come.</summary>
public sealed class AgreementCatchUp<TContext>(IServiceScopeFactory scopes, ILogger<AgreementCatchUp<TContext>> logger) : IHostedService
    where TContext : ServiceDbContext, IAgreementProjection
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var agreements = scope.ServiceProvider.GetRequiredService<V1.Agreements.AgreementsClient>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        var learnt = 0;
        try
        {
            var request = new V1.ListAgreementsRequest { Filter = "status = ACTIVE", PageSize = 100 };
            do
            {
                var page = await agreements.ListAgreementsAsync(request, cancellationToken: timeout.Token);
                var ids = page.Agreements.Select(a => a.Id).ToList();
                var known = await db.Agreements.Where(a => ids.Contains(a.AgreementId)).ToDictionaryAsync(a => a.AgreementId, timeout.Token);
                foreach (var a in page.Agreements)
                {
                    if (!known.TryGetValue(a.Id, out var agreement))
                    {
                        agreement = new PartnerAgreement { AgreementId = a.Id };
                        db.Agreements.Add(agreement);
                    }
                    if (agreement.Apply(int.Parse(a.Etag, System.Globalization.CultureInfo.InvariantCulture), a.Status.ToString(), a.Kind.ToString(), a.Title,
                            a.IndonesianParty.CityId, a.IndonesianParty.RegionCode, [.. a.ForeignParties.Select(p => p.CityId)], [.. a.Fields],
                            DateOf(a.EffectiveDate), DateOf(a.ExpiryDate), a.ParentId.Length == 0 ? null : a.ParentId))
                    {
                        learnt++;
                    }
                }
                await db.SaveChangesAsync(timeout.Token);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);
            logger.LogInformation("Caught up with the agreements in effect: {Count} learnt or updated", learnt);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not catch up with the agreements service ({Reason}); its events will bring the agreements in effect", ex.Message);
        }
    }

    private static DateOnly? DateOf(Google.Type.Date? date) => date is null || date.Year == 0 ? null : new DateOnly(date.Year, date.Month, date.Day);
}
