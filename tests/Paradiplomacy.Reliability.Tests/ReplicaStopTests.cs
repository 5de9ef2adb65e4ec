using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;

namespace Paradiplomacy.Reliability.Tests;

/// <summary>Officers keep working through the gateway while an operator stops one replica of each service in turn
/// and starts it again: the gateway takes the stopped replica out of its rotation (it withdraws from the replica
/// directory as it stops) and back in once it has announced itself again, calls that a client repeats with their
/// request_id all succeed, and every event is announced once and handled once by each consuming service.</summary>
[Collection(ReplicatedSystemCollection.Name)]
public class ReplicaStopTests(ReplicatedSystemFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Region = "32.73";
    private const string City = "idn-32.73";

    [Fact]
    public async Task Under_steady_load_one_replica_of_each_service_stopped_and_started_loses_no_call_and_no_event()
    {
        var officer = fixture.Token("regional-officer", Region);
        var foreign = (await fixture.ForeignCitiesAsync(280)).Skip(130).ToList();
        var agreement = await fixture.RegisterAgreementAsync(Region, City, foreign[0], "Bandung sister city (replicas stopped)");
        await fixture.PlanProgramAsync(officer, agreement, "Heard of by every replica", retryUntilKnown: true);
        await fixture.ScheduleMeetingAsync(officer, agreement, City, foreign[0], "Heard of by every replica", retryUntilKnown: true);
        foreach (var service in ReplicatedSystemFixture.Services)
        {
            Assert.True(await RoutedAsync(service, 2, TimeSpan.FromSeconds(60)), $"the gateway does not route to two replicas of {service}: {await RoutingTextAsync()}");
        }

        await using var ledger = await EventLedger.StartAsync(fixture.EventBus);
        var retried = new ConcurrentBag<string>();
        var failed = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var load = Task.WhenAll(
            Desk("agreement", async n =>
            {
                var (status, body) = await fixture.SendRetriedAsync(HttpMethod.Post, "/api/v1/agreements:registerExisting", officer,
                    ReliabilityFixture.RegisterExistingBody(City, foreign[1 + n], $"Bandung partnership {n}", Guid.NewGuid().ToString("N")), retried);
                ledger.Add("AgreementActivated", Id(status, body));
            }),
            Desk("program", async n =>
            {
                var (status, body) = await fixture.SendRetriedAsync(HttpMethod.Post, $"/api/v1/programs?requestId={Guid.NewGuid():N}", officer,
                    ReliabilityFixture.ProgramBody(agreement, $"Exchange while replicas stop {n}"), retried);
                ledger.Add("ProgramCreated", Id(status, body));
            }),
            Desk("meeting", async n =>
            {
                var (status, body) = await fixture.SendRetriedAsync(HttpMethod.Post, $"/api/v1/meetings?requestId={Guid.NewGuid():N}", officer,
                    ReliabilityFixture.MeetingBody(agreement, City, foreign[0], $"Working group while replicas stop {n}"), retried);
                ledger.Add("MeetingScheduled", Id(status, body));
            }),
            Desk("reader", async n =>
            {
                foreach (var path in new[] { $"/api/v1/cities/{City}", $"/api/v1/agreements/{agreement}", $"/api/v1/programs/health/{agreement}", "/api/v1/funding/sources" })
                {
                    var (status, body) = await fixture.SendRetriedAsync(HttpMethod.Get, path, officer, null, retried);
                    Assert.True(status == 200, $"GET {path}: {status} {body}");
                }
            }));

        async Task Desk(string name, Func<int, Task> call)
        {
            for (var n = 0; !stop.IsCancellationRequested && n < 140; n++)
            {
                try
                {
                    await call(n);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    failed.Add($"{name} {n}: {ex.Message}");
                }
                await Task.Delay(150);
            }
        }

        foreach (var service in ReplicatedSystemFixture.Services)
        {
            var replica = (await ReplicasAsync(service))[0];
            var clock = Stopwatch.StartNew();
            Assert.True((await fixture.Host.CommandAsync(replica, KnownResourceCommands.StopCommand)).Success, $"{replica} did not stop");
            var stopped = clock.Elapsed;
            Assert.True(await RoutedAsync(service, 1, TimeSpan.FromSeconds(30)), $"{service}: the gateway still routes to the stopped replica {replica}: {await RoutingTextAsync()}; replicas: {string.Join(", ", await StatesAsync(service))}");
            var left = clock.Elapsed;
            // One replica carries the service for a while.
            await Task.Delay(TimeSpan.FromSeconds(4));
            Assert.True((await fixture.Host.CommandAsync(replica, KnownResourceCommands.StartCommand)).Success, $"{replica} did not start");
            // Back once it has started, announced itself and passed the gateway's probes.
            Assert.True(await RoutedAsync(service, 2, TimeSpan.FromSeconds(120)), $"{service}: the restarted replica is not back in the rotation: {await RoutingTextAsync()}");
            output.WriteLine($"{replica}: stopped in {stopped.TotalSeconds:0.0} s, out of the gateway's rotation at {left.TotalSeconds:0.0} s, back in at {clock.Elapsed.TotalSeconds:0.0} s");
        }
        await stop.CancelAsync();
        await load;

        output.WriteLine($"{ledger.Changes.Count} changes; {retried.Count} attempts tried again by the client");
        foreach (var attempt in retried.Order().Take(20))
        {
            output.WriteLine($"  retried: {attempt}");
        }
        Assert.True(failed.IsEmpty, $"{failed.Count} calls failed:\n{string.Join("\n", failed.Take(8))}");
        Assert.True(ledger.Changes.Count >= 30, $"only {ledger.Changes.Count} changes were made during the stops");

        var missing = await ledger.UnannouncedAfterAsync(TimeSpan.FromSeconds(60));
        Assert.True(missing.Count == 0, $"{missing.Count} never announced: {ledger.Describe(missing)}");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var twice = ledger.AnnouncedTwice();
        Assert.True(twice.Count == 0, $"announced under two message ids: {ledger.Describe(twice)}");
        var activated = ledger.MessageIds("AgreementActivated");
        var created = ledger.MessageIds("ProgramCreated");
        foreach (var (service, ids) in new[] { ("registry", activated), ("programs", activated), ("meetings", activated), ("funding", created), ("meetings", created) })
        {
            Assert.Equal(ids.Count, await fixture.InboxAsync(service, ids));
        }
    }

    /// <summary>The ids of a service's replicas, as the dashboard lists them (registry-abcd1234, ...).</summary>
    private async Task<IReadOnlyList<string>> ReplicasAsync(string service)
    {
        var ids = (await StatesAsync(service)).Keys.ToList();
        Assert.Equal(2, ids.Count);
        return ids;
    }

    /// <summary>Each replica of a service with its state and pid, as the dashboard shows them now.</summary>
    private async Task<SortedDictionary<string, string>> StatesAsync(string service)
    {
        var states = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await foreach (var update in fixture.Host.App.ResourceNotifications.WatchAsync(watching.Token))
            {
                if (update.Resource.Name == service)
                {
                    states[update.ResourceId] = $"{update.Snapshot.State?.Text} pid {update.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value}";
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The current states have been replayed by then.
        }
        return states;
    }

    private static string Id(int status, string body)
    {
        Assert.True(status == 200, $"{status} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Waits until the gateway routes both endpoints of <paramref name="service"/> to <paramref name="replicas"/>
    /// destinations none of which it knows to be unhealthy (its /ready "routing" check).</summary>
    private async Task<bool> RoutedAsync(string service, int replicas, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var routing = await RoutingAsync();
            if (new[] { "http", "grpc" }.All(endpoint => routing.TryGetValue($"{service}-{endpoint}", out var destinations)
                && destinations.Count == replicas && destinations.All(d => !d.Contains("Unhealthy", StringComparison.Ordinal))))
            {
                return true;
            }
            await Task.Delay(200);
        }
        return false;
    }

    private async Task<string> RoutingTextAsync() =>
        string.Join("; ", (await RoutingAsync()).Select(c => $"{c.Key}: {string.Join(", ", c.Value)}"));

    private async Task<Dictionary<string, List<string>>> RoutingAsync()
    {
        using var ready = JsonDocument.Parse(await fixture.Gateway.GetStringAsync("/ready"));
        var routing = ready.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "routing");
        return routing.GetProperty("data").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(d => d.GetString()!).ToList());
    }
}
