using System.Collections.Concurrent;
using System.Diagnostics;

namespace Paradiplomacy.Reliability.Tests;

/// <summary>Several minutes of a working day's mix through the gateway: people reading the directory,
/// agreements and programs, and officers of eight regions registering agreements, planning programs,
/// scheduling meetings and updating profiles. No call fails and every change is announced once; the
/// throughput, p99 and the services' memory over time are printed (RELIABILITY_LOAD_MINUTES, default 3).</summary>
[Collection(ReliabilityCollection.Name)]
public class SustainedLoadTests(ReliabilityFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string[] Regions = ["12.71", "13.71", "16.71", "32.75", "36.71", "51.71", "64.72", "73.71"];
    private static readonly string[] Processes = ["gateway", "registry", "agreements", "programs", "funding", "meetings"];

    [Fact]
    public async Task A_mixed_load_for_minutes_has_no_errors_and_loses_no_event()
    {
        var minutes = double.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_LOAD_MINUTES"), System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : 3;
        var foreign = await fixture.ForeignCitiesAsync(300);
        // Each region's agreement that programs and meetings are planned under, heard of by those services first.
        var agreements = new Dictionary<string, string>();
        foreach (var region in Regions)
        {
            var officer = fixture.Token("regional-officer", region);
            agreements[region] = await fixture.RegisterAgreementAsync(region, $"idn-{region}", foreign[0], $"Load test agreement of {region}", token: officer);
            await fixture.PlanProgramAsync(officer, agreements[region], "Heard of", retryUntilKnown: true);
            await fixture.ScheduleMeetingAsync(officer, agreements[region], $"idn-{region}", foreign[0], "Heard of", retryUntilKnown: true);
        }

        await using var ledger = await EventLedger.StartAsync(fixture.EventBus);
        var latencies = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var errors = new ConcurrentBag<string>();
        var memory = new List<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
        var clock = Stopwatch.StartNew();

        async Task CallAsync(string kind, Func<Task> call)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await call();
                latencies.GetOrAdd(kind, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                errors.Add($"{kind}: {ex.Message}");
            }
        }

        // A reader: the public directory and a signed-in officer's views, ten calls a second.
        async Task ReaderAsync(int n)
        {
            var region = Regions[n % Regions.Length];
            var token = fixture.Token("regional-officer", region, subject: $"reader-{n}@{region}");
            string[] queries = ["sura", "bandung", "jogja", "medan", "makasar", "tokyo", "rotterdam", "liverpool"];
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await Task.Delay(100);
                await ((i % 4) switch
                {
                    0 => CallAsync("search", () => fixture.SucceedAsync(HttpMethod.Get, $"/api/v1/cities?query={queries[i % queries.Length]}", token)),
                    1 => CallAsync("get city", () => fixture.SucceedAsync(HttpMethod.Get, $"/api/v1/cities/idn-{Regions[i % Regions.Length]}", token)),
                    2 => CallAsync("list agreements", () => fixture.SucceedAsync(HttpMethod.Get, $"/api/v1/agreements?filter=region%20%3D%20%22{region}%22&page_size=20", token)),
                    _ => CallAsync("list programs", () => fixture.SucceedAsync(HttpMethod.Get, $"/api/v1/programs?filter=region%20%3D%20%22{region}%22&page_size=20", token)),
                });
            }
        }

        // A region's desk: one change about every 1.5 s, of each kind in turn.
        async Task DeskAsync(string region)
        {
            var token = fixture.Token("regional-officer", region, subject: $"desk@{region}");
            var city = $"idn-{region}";
            var partner = 1;
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await Task.Delay(1500);
                var title = $"{region} load {i}";
                await ((i % 4) switch
                {
                    0 => CallAsync("update profile", async () =>
                    {
                        // A new summary each time: every update changes the profile and is announced.
                        var updated = await fixture.SucceedAsync(HttpMethod.Patch, $"/api/v1/cities/{city}", token,
                            new { profile = new { summary = $"{title}: profile reviewed" }, updateMask = "summary" });
                        ledger.Add("CityProfileUpdated", $"{city}/{updated.GetProperty("etag").GetString()}");
                    }),
                    1 => CallAsync("register agreement", async () =>
                        ledger.Add("AgreementActivated", await fixture.RegisterAgreementAsync(region, city, foreign[partner++], title, token: token))),
                    2 => CallAsync("plan program", async () =>
                        ledger.Add("ProgramCreated", await fixture.PlanProgramAsync(token, agreements[region], title, retryUntilKnown: false))),
                    _ => CallAsync("schedule meeting", async () =>
                        ledger.Add("MeetingScheduled", await fixture.ScheduleMeetingAsync(token, agreements[region], city, foreign[0], title, retryUntilKnown: false))),
                });
            }
        }

        async Task SampleMemoryAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                memory.Add($"{clock.Elapsed.TotalSeconds,5:F0} s: " + string.Join(", ", Processes.Select(p => $"{p} {RssMiB(fixture.Host.ProcessId(p))} MiB")));
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        await Task.WhenAll([.. Enumerable.Range(0, 6).Select(ReaderAsync), .. Regions.Select(DeskAsync), SampleMemoryAsync()]);
        var elapsed = clock.Elapsed;
        var calls = latencies.Values.Sum(l => l.Count) + errors.Count;
        output.WriteLine($"{calls} calls in {elapsed.TotalSeconds:F0} s ({calls / elapsed.TotalSeconds:F1}/s), {errors.Count} errors");
        foreach (var (kind, values) in latencies.OrderBy(l => l.Key))
        {
            var sorted = values.Order().ToList();
            output.WriteLine($"  {kind,-18} {sorted.Count,6} calls  p50 {sorted[sorted.Count / 2],7:F1} ms  p99 {sorted[(int)(sorted.Count * 0.99)],7:F1} ms");
        }
        memory.ForEach(output.WriteLine);
        Assert.True(errors.IsEmpty, $"{errors.Count} calls failed:\n{string.Join("\n", errors.Distinct().Take(10))}");

        var missing = await ledger.UnannouncedAfterAsync(TimeSpan.FromSeconds(120));
        output.WriteLine($"{ledger.Changes.Count} changes, {ledger.Deliveries} deliveries, {missing.Count} never announced");
        Assert.True(missing.Count == 0, $"{missing.Count} of {ledger.Changes.Count} changes were never announced: {ledger.Describe(missing)}");
        var twice = ledger.AnnouncedTwice();
        Assert.True(twice.Count == 0, $"announced under two message ids: {ledger.Describe(twice)}");
    }

    private static long RssMiB(int? pid)
    {
        if (pid is not { } id)
        {
            return 0;
        }
        var line = File.ReadLines($"/proc/{id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }
}
