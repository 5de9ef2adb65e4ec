using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Paradiplomacy.Hosting.Supervision;

/// <summary>Starts a crashed service again, as a supervisor would: DCP reports an executable that
/// exited with a non-zero code (killed, crashed) and leaves it there; services and the servers they
/// run on (PostgreSQL, Redis, RabbitMQ) alike, as systemd's Restart=on-failure would. A stop from the dashboard or a
/// command (<see cref="RequestedStops"/>) stays stopped. More than five crashes in two minutes is a restart loop: it is left
/// exited, for an operator to look at.</summary>
public sealed class CrashRestarter(ResourceNotificationService notifications, RequestedStops requestedStops, IServiceProvider services,
    ILogger<CrashRestarter> logger) : BackgroundService
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(2);
    private const int MaxRestartsInWindow = 5;

    private readonly Dictionary<string, Queue<DateTime>> _restarts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _lastState = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken))
            {
                if (change.Resource.Annotations.OfType<RestartOnCrashAnnotation>().Any() && requestedStops.Track(change.Resource))
                {
                    logger.LogDebug("Stops of {Resource} asked for by its stop command are kept", change.Resource.Name);
                }
                if (change.Snapshot.State?.Text == KnownResourceStates.Running)
                {
                    requestedStops.Running(change.ResourceId);
                    requestedStops.Running(change.Resource.Name);
                }
                // A stop asked for (dashboard, command) is noted by the stop command, and passes through Stopping; a crash does neither.
                var stopped = requestedStops.Contains(change.ResourceId) || requestedStops.Contains(change.Resource.Name) || _lastState.GetValueOrDefault(change.ResourceId) == KnownResourceStates.Stopping;
                _lastState[change.ResourceId] = change.Snapshot.State?.Text;
                if (stopped
                    || !change.Resource.Annotations.OfType<RestartOnCrashAnnotation>().Any()
                    || (change.Snapshot.State?.Text != KnownResourceStates.Exited && change.Snapshot.State?.Text != KnownResourceStates.Finished)
                    || change.Snapshot.ExitCode is null or 0
                    || !_pending.Add(change.ResourceId))
                {
                    continue;
                }
                _ = RestartAsync(change.Resource, change.ResourceId, change.Snapshot.ExitCode.Value, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The AppHost is stopping.
        }
    }

    private async Task RestartAsync(IResource resource, string resourceId, int exitCode, CancellationToken ct)
    {
        try
        {
            var history = _restarts.TryGetValue(resourceId, out var h) ? h : _restarts[resourceId] = new Queue<DateTime>();
            while (history.Count > 0 && DateTime.UtcNow - history.Peek() > Window)
            {
                history.Dequeue();
            }
            if (history.Count >= MaxRestartsInWindow)
            {
                logger.LogError("{Resource} crashed {Count} times in {Window}; left stopped for an operator", resourceId, history.Count + 1, Window);
                return;
            }
            history.Enqueue(DateTime.UtcNow);
            logger.LogWarning("{Resource} exited with code {ExitCode}; starting it again", resourceId, exitCode);
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            var commands = services.GetRequiredService<ResourceCommandService>();
            var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, ct);
            if (!result.Success)
            {
                logger.LogError("Starting {Resource} again failed: {Error}", resourceId, result.Message);
            }
        }
        catch (OperationCanceledException)
        {
            // The AppHost is stopping.
        }
        finally
        {
            _pending.Remove(resourceId);
        }
    }
}
