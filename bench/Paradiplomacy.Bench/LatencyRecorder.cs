using System.Diagnostics;

namespace Paradiplomacy.Bench;

/// <summary>Latencies of one measured run, and what they add up to.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> _milliseconds = [];

    public int Errors { get; private set; }

    public int Count
    {
        get
        {
            lock (_milliseconds)
            {
                return _milliseconds.Count;
            }
        }
    }

    public async Task TimeAsync(Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await call();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (_milliseconds)
            {
                _milliseconds.Add(elapsed);
            }
        }
        catch (Exception)
        {
            Errors++;
        }
    }

    public double Percentile(double p)
    {
        lock (_milliseconds)
        {
            if (_milliseconds.Count == 0)
            {
                return double.NaN;
            }
            var sorted = _milliseconds.Order().ToList();
            return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
        }
    }
}
