using Paradiplomacy.Hosting.Telemetry;

namespace Paradiplomacy.Hosting.Tests;

public class MetricSeriesTests
{
    private static MetricSeries New(MetricKind kind) => new("registry", "registry-0", "paradiplomacy.test", kind, new Dictionary<string, string>());

    [Fact]
    public void Cumulative_counters_become_increases_and_a_restart_starts_again_without_going_negative()
    {
        var series = New(MetricKind.Counter);
        series.AddCounter(1, 10, cumulative: true, startNanos: 100, countFirst: true);
        series.AddCounter(2, 15, cumulative: true, startNanos: 100, countFirst: true);
        series.AddCounter(3, 3, cumulative: true, startNanos: 900, countFirst: true);

        Assert.Equal(10, series.At(1)!.Value);
        Assert.Equal(5, series.At(2)!.Value);
        Assert.Equal(3, series.At(3)!.Value);
    }

    [Fact]
    public void A_server_total_read_for_the_first_time_is_only_a_baseline()
    {
        var series = New(MetricKind.Counter);
        series.AddCounter(1, 5000, cumulative: true, startNanos: 0, countFirst: false);
        series.AddCounter(2, 5040, cumulative: true, startNanos: 0, countFirst: false);

        Assert.Equal(0, series.At(1)!.Value);
        Assert.Equal(40, series.At(2)!.Value);
    }

    [Fact]
    public void Cumulative_histograms_become_the_new_observations_per_bucket()
    {
        var series = New(MetricKind.Histogram);
        double[] bounds = [0.01, 0.1];
        series.AddHistogram(1, bounds, [1UL, 2UL, 0UL], cumulative: true, startNanos: 7);
        series.AddHistogram(2, bounds, [1UL, 5UL, 1UL], cumulative: true, startNanos: 7);
        // Two readings in one step add up.
        series.AddHistogram(2, bounds, [2UL, 5UL, 1UL], cumulative: true, startNanos: 7);

        Assert.Equal([1L, 2L, 0L], series.At(1)!.Buckets!);
        Assert.Equal([1L, 3L, 1L], series.At(2)!.Buckets!);
        Assert.Equal(5, series.At(2)!.Value);
    }

    [Fact]
    public void Steps_older_than_kept_are_forgotten()
    {
        var series = New(MetricKind.Gauge);
        series.AddGauge(1, 4);
        series.AddGauge(5, 7);
        series.Forget(beforeStep: 3);

        Assert.Null(series.At(1));
        Assert.Equal(7, series.At(5)!.Value);
    }
}
