namespace Paradiplomacy.Bench;

/// <summary>Where the system under test is, set by bench/run.sh.</summary>
public sealed record BenchOptions(string StateDirectory, string EchoUrl, string Token, string PgBench, TimeSpan Duration, int Repeats, int Concurrency,
    int Backlog)
{
    public static BenchOptions FromEnvironment() => new(
        Require("BENCH_STATE"),
        Environment.GetEnvironmentVariable("BENCH_ECHO") ?? string.Empty,
        Require("BENCH_TOKEN"),
        Environment.GetEnvironmentVariable("BENCH_PGBENCH") ?? "pgbench",
        TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("BENCH_SECONDS") ?? "5", System.Globalization.CultureInfo.InvariantCulture)),
        int.Parse(Environment.GetEnvironmentVariable("BENCH_REPEATS") ?? "3", System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(Environment.GetEnvironmentVariable("BENCH_CONCURRENCY") ?? "16", System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(Environment.GetEnvironmentVariable("BENCH_BACKLOG") ?? "100000", System.Globalization.CultureInfo.InvariantCulture));

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set; run bench/run.sh.");
}
