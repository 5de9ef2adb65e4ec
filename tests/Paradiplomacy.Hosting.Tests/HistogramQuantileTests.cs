using Paradiplomacy.Hosting.Telemetry;

namespace Paradiplomacy.Hosting.Tests;

public class HistogramQuantileTests
{
    private static readonly double[] Bounds = [1, 2, 4];

    [Fact]
    public void Interpolates_inside_the_bucket_that_holds_the_rank()
    {
        long[] counts = [0, 10, 0, 0];
        Assert.Equal(1.5, HistogramQuantile.Of(0.5, Bounds, counts)!.Value, 6);
        Assert.Equal(1.99, HistogramQuantile.Of(0.99, Bounds, counts)!.Value, 6);
    }

    [Fact]
    public void A_slow_tail_moves_p99_but_not_p50()
    {
        long[] counts = [90, 9, 0, 1];
        Assert.InRange(HistogramQuantile.Of(0.5, Bounds, counts)!.Value, 0, 1);
        Assert.InRange(HistogramQuantile.Of(0.99, Bounds, counts)!.Value, 1, 2);
        // Past the last bound the histogram only knows "more than 4".
        Assert.Equal(4, HistogramQuantile.Of(0.999, Bounds, counts));
    }

    [Fact]
    public void No_observations_or_a_malformed_histogram_have_no_quantile()
    {
        Assert.Null(HistogramQuantile.Of(0.5, Bounds, [0, 0, 0, 0]));
        Assert.Null(HistogramQuantile.Of(0.5, Bounds, [1, 2]));
    }
}
