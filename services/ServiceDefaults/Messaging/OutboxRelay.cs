using System.Diagnostics.Metrics;
using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.HostDefaults;
using Paradiplomacy.ServiceDefaults.Data;

namespace Paradiplomacy.ServiceDefaults.Messaging;

/// <summary>Publishes pending outbox rows in batches, with publisher confirms, and marks each only
/// once the broker has it. While the broker is away it keeps the rows and retries with back-off;
/// a crash between confirm and mark republishes with the same message id, which inboxes absorb.
/// Rows are claimed with FOR UPDATE SKIP LOCKED, so replicas share the work without double sends.</summary>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : ServiceDbContext
{
    private const int BatchSize = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private static readonly Counter<long> Published = Telemetry.Meter.CreateCounter<long>("paradiplomacy.outbox.published");
    private static readonly Counter<long> Failures = Telemetry.Meter.CreateCounter<long>("paradiplomacy.outbox.publish_failures");

    private static readonly TimeSpan BacklogInterval = TimeSpan.FromSeconds(5);

    private DateTimeOffset _lastCleanup = DateTimeOffset.MinValue;
    private long _lastBacklogCheck;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = PollInterval;
            await MeasureBacklogAsync(stoppingToken);
            try
            {
                var (published, failed) = await PublishBatchAsync(stoppingToken);
                if (failed)
                {
                    backoff = backoff == TimeSpan.Zero ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                    wait = backoff;
                }
                else
                {
                    backoff = TimeSpan.Zero;
                    if (published == BatchSize)
                    {
                        continue;
                    }
                    await CleanupAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database itself is away: keep trying, the rows are safe where they are.
                logger.LogWarning(ex, "Outbox relay could not read pending messages");
                wait = MaxBackoff;
            }

            try
            {
                if (backoff == TimeSpan.Zero)
                {
                    await signal.WaitAsync(wait, stoppingToken);
                }
                else
                {
                    await Task.Delay(wait, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Publishes one batch; returns how many went out and whether one failed.</summary>
    public async Task<(int Published, bool Failed)> PublishBatchAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var pending = await db.OutboxMessages
            .FromSql($"SELECT * FROM outbox_messages WHERE published_at IS NULL ORDER BY sequence LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);

        // The whole batch is in flight at once and the broker confirms each; consumers order by the
        // aggregate versions the events carry, not by arrival.
        var outcomes = await Task.WhenAll(pending.Select(async row =>
        {
            try
            {
                await PublishAsync(row, cancellationToken);
                return (row, error: (Exception?)null);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                return (row, error: ex);
            }
        }));
        var published = 0;
        var failed = false;
        foreach (var (row, error) in outcomes)
        {
            if (error is null)
            {
                row.PublishedAt = DateTimeOffset.UtcNow;
                published++;
                continue;
            }
            row.Attempts++;
            row.LastError = error.Message.Length > 2000 ? error.Message[..2000] : error.Message;
            failed = true;
            Failures.Add(1);
            logger.LogWarning("Outbox message {MessageId} ({MessageType}) not published, attempt {Attempts}: {Error}",
                row.Id, row.MessageType, row.Attempts, error.Message);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Published.Add(published);
        return (published, failed);
    }

    private async Task PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        // By full name in the events' assembly too: rows written before the events moved out of the
        // contracts assembly name that one.
        var type = Type.GetType(row.MessageType)
            ?? typeof(IntegrationEvent).Assembly.GetType(row.MessageType.Split(',')[0].Trim(), throwOnError: true)!;
        var message = JsonSerializer.Deserialize(row.Payload, type, MessagingModelExtensions.PayloadOptions)!;

        // Continue the trace of the request that wrote the event.
        using var activity = Telemetry.ActivitySource.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, row.TraceParent);
        activity?.SetTag("messaging.message.id", row.Id);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PublishTimeout);
        // MassTransit's RabbitMQ transport completes Publish only on the broker's confirm.
        await bus.Publish(message, type, ctx => ctx.MessageId = row.Id, timeout.Token);
    }

    /// <summary>Counts what waits, at most every few seconds, from the partial index of pending rows.</summary>
    private async Task MeasureBacklogAsync(CancellationToken cancellationToken)
    {
        if (_lastBacklogCheck != 0 && Stopwatch.GetElapsedTime(_lastBacklogCheck) < BacklogInterval)
        {
            return;
        }
        _lastBacklogCheck = Stopwatch.GetTimestamp();
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            var pending = db.OutboxMessages.Where(m => m.PublishedAt == null);
            var count = await pending.LongCountAsync(cancellationToken);
            var oldest = count == 0 ? (DateTimeOffset?)null : await pending.MinAsync(m => (DateTimeOffset?)m.OccurredAt, cancellationToken);
            OutboxBacklog.Report(typeof(TContext).Name, count, oldest is { } o ? Math.Max(0, (DateTimeOffset.UtcNow - o).TotalSeconds) : 0);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug(ex, "Outbox backlog not measured");
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        if (DateTimeOffset.UtcNow - _lastCleanup < TimeSpan.FromHours(1))
        {
            return;
        }
        _lastCleanup = DateTimeOffset.UtcNow;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = DateTimeOffset.UtcNow - Retention;
        await db.OutboxMessages.Where(m => m.PublishedAt != null && m.PublishedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
