using Microsoft.Extensions.Hosting;

namespace Paradiplomacy.Hosting.Operations;

/// <summary>Every resource's console, also in `{state}/logs/{resource}.log`, so it can be read after the
/// AppHost has stopped (the dashboard keeps logs only while it runs).</summary>
public sealed class ResourceLogFiles(DistributedApplicationModel model, ResourceLoggerService logs, StateFolder state) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var folder = Path.Combine(state.Path, "logs");
        Directory.CreateDirectory(folder);
        return Task.WhenAll(model.Resources.Where(r => r is ExecutableResource or ProjectResource or ContainerResource)
            .Select(resource => CopyAsync(resource, Path.Combine(folder, $"{resource.Name}.log"), stoppingToken)));
    }

    private async Task CopyAsync(IResource resource, string path, CancellationToken ct)
    {
        try
        {
            await using var file = new StreamWriter(path, append: true) { AutoFlush = true };
            await foreach (var batch in logs.WatchAsync(resource).WithCancellation(ct))
            {
                foreach (var line in batch)
                {
                    await file.WriteLineAsync(line.Content);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The AppHost is stopping.
        }
    }
}
