using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Paradiplomacy.ServiceDefaults.Data;
using V1 = Paradiplomacy.Contracts.Agreements.V1;

namespace Paradiplomacy.ServiceDefaults.Projections;

/// <summary>At start, once the service's queues are bound (the bus starts first), the agreements in
/// effect that the projection has not heard of: signed before this service was deployed, or while its
/// queues did not exist. Read from the agreements service's open list; from then on the events keep the
/// projection current, and an overlap is harmless (the newest version wins). Services start side by
/// side, so the agreements service may not answer yet: the catch-up runs beside the service's start and
/// asks again, less and less often, until it has an answer.</summary>
public sealed class AgreementCatchUp<TContext>(IServiceScopeFactory scopes, ILogger<AgreementCatchUp<TContext>> logger) : BackgroundService
    where TContext : ServiceDbContext, IAgreementProjection
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var learnt = await CatchUpAsync(stoppingToken);
                logger.LogInformation("Caught up with the agreements in effect: {Count} learnt or updated", learnt);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.Log(attempt < 5 ? LogLevel.Information : LogLevel.Warning,
                    "The agreements service did not answer the catch-up ({Reason}); asking again in {Retry} s", ex.Message, retry.TotalSeconds);
            }
            await Task.Delay(retry, stoppingToken);
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
        }
    }

    private async Task<int> CatchUpAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var agreements = scope.ServiceProvider.GetRequiredService<V1.Agreements.AgreementsClient>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(Patience);
        var learnt = 0;
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
        return learnt;
    }

    private static DateOnly? DateOf(Google.Type.Date? date) => date is null || date.Year == 0 ? null : new DateOnly(date.Year, date.Month, date.Day);
}
