using System.Diagnostics;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Paradiplomacy.Contracts.Registry.V1;

namespace Paradiplomacy.Bench;

/// <summary>One half of "what does the dashboard cost": the same read and write load through the
/// gateway, with the CPU the whole system (every resource and the apphost that hosts the dashboard)
/// spent per call and the services' memory after it. bench/telemetry-cost.sh runs it against a
/// system that exports to the dashboard and one started with --no-otlp, and compares.</summary>
public sealed class TelemetryCost(BenchOptions options, int apphostPid)
{
    public async Task<string> RunAsync(string label)
    {
        var resources = SystemResources.Read(options.StateDirectory);
        var pids = resources.Names.SelectMany(resources.Pids).Append(apphostPid).ToList();
        // Where the CPU goes: each resource with its children, and the AppHost (which hosts the dashboard's resource service) alone.
        var parts = resources.Names.ToDictionary(name => name, name => (Pids: resources.Pids(name).ToList(), WithChildren: true));
        parts["apphost"] = ([apphostPid], false);
        _parts = parts;
        using var channel = GrpcChannel.ForAddress(resources.Endpoint("gateway", "grpc"));
        var client = new CityRegistry.CityRegistryClient(channel);
        var auth = new Metadata { { "Authorization", $"Bearer {options.Token}" } };

        var read = await MeasureAsync(pids, options.Concurrency, async () => await client.GetCityAsync(new GetCityRequest { Id = "idn-35.78" }, auth));
        // Registering governments abroad is a regional officer's (bench/system.sh lifts officers' quota for the run).
        var officer = new Metadata { { "Authorization", $"Bearer {await IdentityTokens.RequestAsync(resources, "regional-officer", "35.78")}" } };
        var write = await MeasureAsync(pids, Math.Max(1, options.Concurrency / 2), async () => await client.CreateCityAsync(new CreateCityRequest
        {
            City = new City { Name = $"Cost {Guid.NewGuid():N}", Level = CityLevel.Municipality, CountryCode = "JP", TimeZone = "Asia/Tokyo" },
        }, officer));

        var memory = resources.Names.Where(resources.IsProject)
            .ToDictionary(name => name, name => ProcessUsage.Read($"bench-{name}-memory", [.. resources.Pids(name)], withChildren: true).MemoryMiB ?? 0);
        memory["apphost"] = ProcessUsage.Read("bench-apphost-memory", [apphostPid], withChildren: false).MemoryMiB ?? 0;
        return JsonSerializer.Serialize(new { label, read, write, memory });
    }

    private Dictionary<string, (List<int> Pids, bool WithChildren)> _parts = [];

    private async Task<object> MeasureAsync(List<int> pids, int concurrency, Func<Task> call)
    {
        var results = new List<LoadRun.Result>();
        double cpuSeconds = 0, calls = 0;
        var partSeconds = _parts.Keys.ToDictionary(k => k, _ => 0.0);
        for (var i = 0; i < options.Repeats; i++)
        {
            ProcessUsage.Read("bench-system", pids);
            foreach (var (name, part) in _parts)
            {
                ProcessUsage.Read($"bench-{name}", part.Pids, part.WithChildren);
            }
            var started = Stopwatch.GetTimestamp();
            var result = await LoadRun.RunAsync(concurrency, options.Duration, call);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            // Share of one core over the run, times the run: CPU seconds the system spent.
            cpuSeconds += (ProcessUsage.Read("bench-system", pids).CpuPercent ?? 0) / 100 * elapsed;
            foreach (var (name, part) in _parts)
            {
                partSeconds[name] += (ProcessUsage.Read($"bench-{name}", part.Pids, part.WithChildren).CpuPercent ?? 0) / 100 * elapsed;
            }
            calls += result.RequestsPerSecond * options.Duration.TotalSeconds + LoadRun.WarmUpCalls;
            results.Add(result);
        }
        var median = results.OrderBy(r => r.RequestsPerSecond).ElementAt(results.Count / 2);
        return new
        {
            rps = Math.Round(median.RequestsPerSecond),
            p50Ms = Math.Round(median.P50, 2),
            p99Ms = Math.Round(median.P99, 2),
            cpuMsPerCall = Math.Round(cpuSeconds * 1000 / calls, 3),
            cpuMsPerCallBy = partSeconds.ToDictionary(p => p.Key, p => Math.Round(p.Value * 1000 / calls, 3)),
        };
    }
}
