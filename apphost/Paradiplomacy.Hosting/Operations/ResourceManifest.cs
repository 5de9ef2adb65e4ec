using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Paradiplomacy.Hosting.Operations;

/// <summary>Keeps `{state}/resources.json` current: every resource's state, health, process id and
/// URLs, as the dashboard shows them, for scripts (benchmarks, an operator's shell) that cannot read
/// the dashboard's gRPC resource service. Written whole and renamed, so a reader never sees half.</summary>
public sealed class ResourceManifest(ResourceNotificationService notifications, StateFolder state, ILogger<ResourceManifest> logger) : BackgroundService
{
    public const string FileName = "resources.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly Dictionary<string, object> _resources = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = Path.Combine(state.Path, FileName);
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken))
            {
                var snapshot = change.Snapshot;
                _resources[change.ResourceId] = new
                {
                    name = change.Resource.Name,
                    // One per replica: registry-erwezjmq, registry-kyhfvkhs.
                    id = change.ResourceId,
                    type = snapshot.ResourceType,
                    state = snapshot.State?.Text,
                    health = snapshot.HealthStatus?.ToString(),
                    exitCode = snapshot.ExitCode,
                    pid = snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value,
                    urls = snapshot.Urls.Where(u => !u.IsInactive).ToDictionary(u => u.Name ?? u.Url, u => u.Url),
                };
                var draft = path + ".tmp";
                await File.WriteAllTextAsync(draft, JsonSerializer.Serialize(_resources.Values, Json), stoppingToken);
                File.Move(draft, path, overwrite: true);
            }
        }
        catch (OperationCanceledException)
        {
            // The AppHost is stopping.
        }
        catch (IOException ex)
        {
            logger.LogWarning(ex, "{Path} could not be written", path);
        }
    }
}
