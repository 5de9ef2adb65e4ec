using Paradiplomacy.Hosting.Infrastructure;
using Paradiplomacy.Hosting.Resources;

namespace Paradiplomacy.Hosting.Dashboard;

/// <summary>One resource as GET /api/resources shows it.</summary>
public sealed record ResourceSnapshot(
    string Name,
    string Kind,
    string State,
    string Health,
    string? Problem,
    IReadOnlyDictionary<string, string> Endpoints,
    int? Pid,
    IReadOnlyList<int> Pids,
    int Restarts,
    double? UptimeSeconds,
    double? CpuPercent,
    double? MemoryMiB)
{
    public static ResourceSnapshot Of(Resource resource)
    {
        var (cpu, memory) = ProcessUsage.Read(resource.Name, resource.Pids);
        return new(
        resource.Name,
        resource.Kind,
        resource.State.ToString(),
        resource.Health.ToString(),
        resource.Problem,
        resource.Endpoints,
        resource.Pids.Count > 0 ? resource.Pids[0] : null,
        resource.Pids,
        resource.Restarts,
        resource.StartedAt is { } started && resource.State == ResourceState.Running
            ? Math.Round((DateTimeOffset.UtcNow - started).TotalSeconds, 1)
            : null,
        cpu,
        memory);
    }
}
