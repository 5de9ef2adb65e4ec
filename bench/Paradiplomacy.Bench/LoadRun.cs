namespace Paradiplomacy.Bench;

/// <summary>Closed-loop load: <c>concurrency</c> workers call as fast as answers come, for a fixed time.</summary>
public static class LoadRun
{
    /// <param name="ClientCpu">The load generator's own CPU over the run, in cores: near 1 on its one core, the
    /// figure is the client's limit, not the server's.</param>
    public sealed record Result(double RequestsPerSecond, double P50, double P99, int Errors, double ClientCpu);

    public const int WarmUpCalls = 50;

    public static async Task<Result> RunAsync(int concurrency, TimeSpan duration, Func<Task> call)
    {
        // Warm-up: connections, JIT, caches.
        for (var i = 0; i < WarmUpCalls; i++)
        {
            await call();
        }
        var recorder = new LatencyRecorder();
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var until = DateTime.UtcNow + duration;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (DateTime.UtcNow < until)
            {
                await recorder.TimeAsync(call);
            }
        });
        await Task.WhenAll(workers);
        self.Refresh();
        var clientCpu = (self.TotalProcessorTime - cpuBefore) / duration;
        return new Result(recorder.Count / duration.TotalSeconds, recorder.Percentile(50), recorder.Percentile(99), recorder.Errors, clientCpu);
    }

    /// <summary>A figure and its baseline, their runs alternated (baseline, figure, baseline, ...) so that drift in
    /// the machine's background work hits both alike; each the median of its runs, with its spread.</summary>
    public static async Task<((Result Median, double Spread) Baseline, (Result Median, double Spread) Figure)> CompareAsync(
        int repeats, int concurrency, TimeSpan duration, Func<Task> baseline, Func<Task> figure)
    {
        List<Result> baselines = [], figures = [];
        for (var i = 0; i < repeats; i++)
        {
            baselines.Add(await RunAsync(concurrency, duration, baseline));
            figures.Add(await RunAsync(concurrency, duration, figure));
        }
        return (Median(baselines), Median(figures));
    }

    /// <summary>The median of several runs (by throughput) and the spread of throughput across them.</summary>
    public static async Task<(Result Median, double Spread)> RepeatAsync(int repeats, int concurrency, TimeSpan duration, Func<Task> call)
    {
        var results = new List<Result>();
        for (var i = 0; i < repeats; i++)
        {
            results.Add(await RunAsync(concurrency, duration, call));
        }
        return Median(results);
    }

    private static (Result Median, double Spread) Median(List<Result> results)
    {
        var ordered = results.OrderBy(r => r.RequestsPerSecond).ToList();
        var median = ordered[ordered.Count / 2];
        var spread = (ordered[^1].RequestsPerSecond - ordered[0].RequestsPerSecond) / median.RequestsPerSecond;
        return (median, spread);
    }
}
