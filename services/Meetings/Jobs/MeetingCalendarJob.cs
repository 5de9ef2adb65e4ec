using Medallion.Threading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Paradiplomacy.Meetings.Data;
using Paradiplomacy.Meetings.Domain;
using Paradiplomacy.Meetings.Extensions;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Api;

namespace Paradiplomacy.Meetings.Jobs;

/// <summary>The meetings' clock: announces a reminder a day and an hour before each occurrence, and each
/// action item that passes its due date open. With several replicas an advisory lock in the service's own
/// database lets one pass run at a time, Redis or not; what was announced is stored on the meeting under
/// optimistic concurrency, so even two passes at once (a lock lost with its connection) announce each
/// reminder and each overdue item once.</summary>
public sealed class MeetingCalendarJob(
    IServiceScopeFactory scopes,
    IDistributedLockProvider locks,
    IOptions<MeetingOptions> options,
    TimeProvider clock,
    ILogger<MeetingCalendarJob> logger) : BackgroundService
{
    public const string LockName = "paradiplomacy:meetings:calendar";
    private const string Actor = "system";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.CalendarJobEnabled)
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
                logger.LogWarning(ex, "Meeting calendar pass failed; trying again at the next interval");
            }
            try
            {
                await Task.Delay(options.Value.CalendarJobInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass; how many meetings announced something, or -1 when another replica holds the lock.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var handle = await locks.TryAcquireLockAsync(LockName, TimeSpan.Zero, cancellationToken);
        return handle is null ? -1 : await RunUnlockedAsync(cancellationToken);
    }

    /// <summary>The pass itself, without the lock (tests use it to show the database alone keeps announcements unique).</summary>
    public async Task<int> RunUnlockedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = CalendarDay.InIndonesia(now);
        var leads = options.Value.ReminderLeads.Where(l => l > TimeSpan.Zero).ToList();
        var horizon = now + leads.DefaultIfEmpty(TimeSpan.Zero).Max();
        List<string> due;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeetingsDbContext>();
            due = await db.Meetings.AsNoTracking()
                .Where(m => m.Status == MeetingStatus.Scheduled
                            && (m.Occurrences.Any(o => (o.Status == OccurrenceStatus.Planned || o.Status == OccurrenceStatus.Moved) && o.StartsAt > now && o.StartsAt <= horizon)
                                || m.ActionItems.Any(a => a.Status == ActionItemStatus.Open && a.DueDate < today && a.OverdueAnnouncedFor != a.DueDate)))
                .Select(m => m.Id).ToListAsync(cancellationToken);
        }
        var changed = 0;
        foreach (var id in due)
        {
            using var scope = scopes.CreateScope();
            var writer = scope.ServiceProvider.GetRequiredService<AggregateWriter<Meeting>>();
            try
            {
                var announced = false;
                await writer.ChangeBySystemAsync(id, Actor, "calendar", m =>
                {
                    var reminded = m.Remind(leads, Actor, now);
                    var overdue = m.AnnounceOverdue(Actor, today, now);
                    announced = reminded || overdue;
                }, cancellationToken);
                changed += announced ? 1 : 0;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another pass (or a user) changed it first; the next pass looks again.
                logger.LogInformation("Meeting {MeetingId} changed concurrently; skipped this pass", id);
            }
        }
        if (changed > 0)
        {
            logger.LogInformation("Calendar pass at {Now:u}: {Changed} meetings announced reminders or overdue action items", now, changed);
        }
        return changed;
    }
}
