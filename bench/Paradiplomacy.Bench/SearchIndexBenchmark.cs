using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Paradiplomacy.Registry.Data;
using Paradiplomacy.Registry.Domain;
using StackExchange.Redis;

namespace Paradiplomacy.Bench;

/// <summary>Where a search's time goes: the registry's in-memory index loaded into this process from the running
/// system's registry-db and asked directly, beside the same search in SQL (what answered before) on the same
/// database, for the queries the service is timed with. The service's own figure minus these is the call's cost.</summary>
public sealed class SearchIndexBenchmark(SystemResources resources, Report report)
{
    public async Task RunAsync(IReadOnlyDictionary<string, string[]> queries)
    {
        await using var data = NpgsqlDataSource.Create(resources.Database("registry-db"));
        using var redis = await ConnectionMultiplexer.ConnectAsync(CacheConfiguration());
        using var cache = new CityCache(redis, TimeProvider.System, NullLogger<CityCache>.Instance);
        using var index = new CityNameIndex(data, cache, TimeProvider.System, NullLogger<CityNameIndex>.Instance);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var loading = Stopwatch.StartNew();
        await index.LoadAsync(CancellationToken.None);
        var loaded = loading.Elapsed;
        var names = index.Current!;
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        report.Add("search index: load from registry-db", $"{loaded.TotalMilliseconds:0} ms, {held / 1048576.0:0} MiB held",
            $"{names.Names:N0} names of {names.Cities:N0} cities", "", "");
        // The SQL the service ran before (and runs until the index is loaded).
        var sql = new CitySearch(data, new CityNameIndex(data, cache, TimeProvider.System, NullLogger<CityNameIndex>.Instance));
        foreach (var (kind, list) in queries)
        {
            var memory = new LatencyRecorder();
            var database = new LatencyRecorder();
            foreach (var query in list.Select(NameNormalizer.Normalize))
            {
                names.Search(query, CityFilter.None, 0, 21);
                await sql.SearchInDatabaseAsync(query, CityFilter.None, 0, 21, CancellationToken.None);
                for (var i = 0; i < 200; i++)
                {
                    await memory.TimeAsync(() => { names.Search(query, CityFilter.None, 0, 21); return Task.CompletedTask; });
                }
                for (var i = 0; i < 20; i++)
                {
                    await database.TimeAsync(async () => await sql.SearchInDatabaseAsync(query, CityFilter.None, 0, 21, CancellationToken.None));
                }
            }
            report.Add($"search {kind}: the index in-process, p50 / p99", $"{Micro(memory.Percentile(50))} / {Micro(memory.Percentile(99))}",
                $"the SQL {Report.Ms(database.Percentile(50))} / {Report.Ms(database.Percentile(99))}", Report.Ratio(database.Percentile(50) / memory.Percentile(50)) + "× faster", "< 0.5 ms");
        }
    }

    private string CacheConfiguration()
    {
        var endpoint = new Uri(resources.Endpoint("cache", "tcp"));
        return $"{endpoint.Host}:{endpoint.Port},abortConnect=false";
    }

    private static string Micro(double ms) => (ms * 1000).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " µs";
}
