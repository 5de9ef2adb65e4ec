using Medallion.Threading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Paradiplomacy.Agreements.Data;
using Paradiplomacy.Agreements.Domain;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Errors;
using Paradiplomacy.ServiceDefaults.Api;

namespace Paradiplomacy.Agreements.Jobs;

/// <summary>The agreements' calendar: activates signed agreements on their effective date, announces
/// AgreementExpiring at each notice point and expires them on their expiry date. With several
/// replicas, an advisory lock in the service's own database lets one run at a time (it needs that
/// database anyway, so Redis being away neither stops it nor lets it run twice); the notice points
/// already announced are stored on the agreement under optimistic concurrency, so even two runs at
/// once announce a point once.</summary>
public sealed class AgreementLifecycleJob(
    IServiceScopeFactory scopes,
    IDistributedLockProvider locks,
    IOptions<ClearancePolicy> policy,
    IOptions<LifecycleOptions> options,
    TimeProvider clock,
    ILogger<AgreementLifecycleJob> logger) : BackgroundService
{
    public const string LockName = "paradiplomacy:agreements:lifecycle";
    private const string Actor = "system";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Agreement lifecycle run failed; trying again at the next interval");
            }
            try
            {
                await Task.Delay(options.Value.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass; returns how many agreements changed, or -1 when another replica holds the lock.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var handle = await locks.TryAcquireLockAsync(LockName, TimeSpan.Zero, cancellationToken);
        if (handle is null)
        {
            return -1;
        }
        return await RunUnlockedAsync(cancellationToken);
    }

    /// <summary>The pass itself, without the lock (tests use it to show the database alone keeps notices unique).</summary>
    public async Task<int> RunUnlockedAsync(CancellationToken cancellationToken)
    {
        var today = CalendarDay.InIndonesia(clock.GetUtcNow());
        var noticeDays = policy.Value.ExpiryNoticeDays.Where(d => d > 0).Distinct().ToList();
        var horizon = today.AddDays(noticeDays.DefaultIfEmpty(0).Max());
        var changed = 0;

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AgreementsDbContext>();
        var due = await db.Agreements.AsNoTracking()
            .Where(a => (a.Status == AgreementStatus.Signed && a.EffectiveDate <= today)
                        || (a.Status == AgreementStatus.Active && a.ExpiryDate != null && a.ExpiryDate <= horizon))
            .Select(a => new { a.Id, a.Status, a.Version })
            .ToListAsync(cancellationToken);

        foreach (var item in due)
        {
            using var itemScope = scopes.CreateScope();
            var writer = itemScope.ServiceProvider.GetRequiredService<AggregateWriter<Agreement>>();
            var versions = itemScope.ServiceProvider.GetRequiredService<AgreementVersions>();
            try
            {
                var agreement = item.Status == AgreementStatus.Signed
                    ? await writer.ChangeBySystemAsync(item.Id, Actor, "activate", a => versions.ActivateIfDueAsync(a, Actor, today, cancellationToken), cancellationToken)
                    : await writer.ChangeBySystemAsync(item.Id, Actor, "expiry_check", a => a.CheckExpiry(noticeDays, today, clock.GetUtcNow()), cancellationToken);
                if (agreement.Version != item.Version)
                {
                    changed++;
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another run changed it first; what it wrote stands.
                logger.LogInformation("Agreement {AgreementId} changed concurrently; skipped", item.Id);
            }
            catch (DomainException ex)
            {
                logger.LogWarning("Agreement {AgreementId} could not be activated: {Reason}", item.Id, ex.Message);
            }
        }
        if (changed > 0)
        {
            logger.LogInformation("Lifecycle pass for {Today}: {Changed} agreements changed", today, changed);
        }
        return changed;
    }
}
