namespace Paradiplomacy.Hosting.Telemetry;

/// <summary>Quantiles from explicit-bucket histograms, interpolated linearly inside the bucket
/// that holds the rank (as Prometheus' histogram_quantile does). Values past the last bound are
/// reported as that bound: the histogram cannot say more.</summary>
public static class HistogramQuantile
{
    public static double? Of(double quantile, IReadOnlyList<double> bounds, IReadOnlyList<long> counts)
    {
        var total = counts.Sum();
        if (total <= 0 || counts.Count != bounds.Count + 1)
        {
            return null;
        }
        var rank = quantile * total;
        long below = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] > 0 && below + counts[i] >= rank)
            {
                if (i == bounds.Count)
                {
                    return bounds[^1];
                }
                var lower = i == 0 ? 0 : bounds[i - 1];
                return lower + (bounds[i] - lower) * ((rank - below) / counts[i]);
            }
            below += counts[i];
        }
        return bounds[^1];
    }
}
