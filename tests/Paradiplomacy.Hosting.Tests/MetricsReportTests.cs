using Paradiplomacy.Hosting.Dashboard.Metrics;
using Paradiplomacy.Hosting.Telemetry;

namespace Paradiplomacy.Hosting.Tests;

public class MetricsReportTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Redis_hit_rate_comes_from_the_increase_of_its_totals_per_step()
    {
        var clock = new SteppingClock(Start);
        var store = new MetricsStore(clock);
        store.RecordTotal("cache", "paradiplomacy.redis.keyspace", new Dictionary<string, string> { ["result"] = "hit" }, 100);
        store.RecordTotal("cache", "paradiplomacy.redis.keyspace", new Dictionary<string, string> { ["result"] = "miss" }, 50);
        clock.Now += MetricsStore.Step;
        store.RecordTotal("cache", "paradiplomacy.redis.keyspace", new Dictionary<string, string> { ["result"] = "hit" }, 130);
        store.RecordTotal("cache", "paradiplomacy.redis.keyspace", new Dictionary<string, string> { ["result"] = "miss" }, 60);
        clock.Now += MetricsStore.Step;

        var report = MetricsReport.Build(store, TimeSpan.FromMinutes(1));

        var hitRate = Assert.Single(report.RedisHitPercent);
        Assert.Equal(6, hitRate.Values.Count);
        Assert.Equal(75, hitRate.Values[^1]);
        // The first reading was a baseline: nothing happened in that step as far as we know.
        Assert.Null(hitRate.Values[^2]);
    }

    [Fact]
    public void Gauges_of_several_databases_stay_apart_and_steps_without_a_reading_are_gaps()
    {
        var clock = new SteppingClock(Start);
        var store = new MetricsStore(clock);
        store.RecordGauge("postgres", "paradiplomacy.postgres.connections", new Dictionary<string, string> { ["database"] = "registry-db" }, 4);
        store.RecordGauge("postgres", "paradiplomacy.postgres.connections", new Dictionary<string, string> { ["database"] = "agreements-db" }, 2);
        clock.Now += 3 * MetricsStore.Step;

        var report = MetricsReport.Build(store, TimeSpan.FromMinutes(1));

        Assert.Equal(["agreements-db", "registry-db"], report.PostgresConnections.Select(s => s.Name));
        Assert.Equal(4, report.PostgresConnections[1].Values[^3]);
        Assert.Null(report.PostgresConnections[1].Values[^1]);
    }
}
