using System.Diagnostics;

namespace Paradiplomacy.Reliability.Tests;

/// <summary>RabbitMQ dies (SIGKILL, no shutdown) while regional officers keep working in four services. What
/// they change goes to PostgreSQL with its event in one transaction (the outbox), so every call succeeds; once
/// the AppHost has started the broker again, the relays publish what waited, and each change is announced once.</summary>
[Collection(ReliabilityCollection.Name)]
public class BrokerCrashTests(ReliabilityFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Region = "35.78";
    private const string City = "idn-35.78";

    [Fact]
    public async Task Changes_made_across_services_while_RabbitMQ_is_killed_all_succeed_and_each_is_announced_once_it_is_back()
    {
        var officer = fixture.Token("regional-officer", Region);
        var foreign = await fixture.ForeignCitiesAsync(200);
        // Before the fault: an agreement the programs and meetings services have heard of, to plan under.
        var agreement = await fixture.RegisterAgreementAsync(Region, City, foreign[0], "Surabaya sister city (before the outage)");
        await fixture.PlanProgramAsync(officer, agreement, "Heard of before the outage", retryUntilKnown: true);
        await fixture.ScheduleMeetingAsync(officer, agreement, City, foreign[0], "Heard of before the outage", retryUntilKnown: true);

        var run = Guid.NewGuid().ToString("N")[..8];
        await using var ledger = await EventLedger.StartAsync(fixture.EventBus);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var killed = fixture.Host.Kill("eventbus");
        var down = Stopwatch.StartNew();
        var back = fixture.Host.WaitForRestartAsync("eventbus", killed, TimeSpan.FromMinutes(2));
        var next = 0;
        var partner = 0;

        // Four officers' desks, each making its kind of change about four times a second until the broker is back
        // (and at least three times), well within an officer's quota.
        async Task DeskAsync(string name, string eventName, Func<string, int, Task<string>> change)
        {
            var desk = fixture.Token("regional-officer", Region, subject: $"{name}-desk@{Region}");
            for (var i = 0; !back.IsCompleted || i < 3; i++)
            {
                await Task.Delay(250);
                try
                {
                    var key = await change(desk, Interlocked.Increment(ref next));
                    ledger.Add(eventName, key, whileDown: !back.IsCompleted);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    failures.Add($"{name}: {ex.Message}");
                }
            }
        }
        await Task.WhenAll(
            DeskAsync("profile", "CityProfileUpdated", async (desk, n) =>
            {
                // A new summary each time, so that every update changes the profile and is announced (an update that
                // changes nothing answers with the city's current etag, which may be the partnership consumer's).
                // That consumer changes the same city as it hears of the agreements; the update, made without an
                // etag, is applied on the city as it stands (the write path retries).
                var city = await fixture.SucceedAsync(HttpMethod.Patch, $"/api/v1/cities/{City}", desk,
                    new { profile = new { summary = $"Kota Surabaya, update {run}-{n}" }, updateMask = "summary" });
                return $"{City}/{city.GetProperty("etag").GetString()}";
            }),
            DeskAsync("agreement", "AgreementActivated", (desk, n) =>
                fixture.RegisterAgreementAsync(Region, City, foreign[Interlocked.Increment(ref partner)], $"Surabaya sister city {run}-{n}", token: desk)),
            DeskAsync("program", "ProgramCreated", (desk, n) => fixture.PlanProgramAsync(desk, agreement, $"Exchange {run}-{n}", retryUntilKnown: false)),
            DeskAsync("meeting", "MeetingScheduled", (desk, n) => fixture.ScheduleMeetingAsync(desk, agreement, City, foreign[0], $"Working group {run}-{n}", retryUntilKnown: false)),
            back);
        var outage = down.Elapsed;

        Assert.True(failures.IsEmpty, $"{failures.Count} changes failed:\n{string.Join("\n", failures.Distinct().Take(6))}");
        foreach (var name in new[] { "CityProfileUpdated", "AgreementActivated", "ProgramCreated", "MeetingScheduled" })
        {
            Assert.Contains(ledger.Changes, c => c.Event == name && c.WhileDown);
        }

        await ledger.ReconnectAsync();
        var missing = await ledger.UnannouncedAfterAsync(TimeSpan.FromSeconds(180));
        if (missing.Count > 0)
        {
            Assert.Fail($"{missing.Count} of {ledger.Changes.Count} changes were never announced: {ledger.Describe(missing)}; outboxes: {await fixture.OutboxesAsync()}");
        }
        // Anything sent twice would have arrived by now.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var twice = ledger.AnnouncedTwice();
        Assert.True(twice.Count == 0, $"announced under two message ids: {ledger.Describe(twice)}");

        // And the services consumed them: the registry counts every partner registered during the outage.
        var registered = ledger.Changes.Where(c => c.Event == "AgreementActivated").Select(c => c.Key).ToList();
        var expected = (await ForeignPartiesAsync(officer, registered)).ToHashSet();
        var partners = await fixture.Gateway.CurrentPartnersAsync(City, expected);
        output.WriteLine($"RabbitMQ down {outage.TotalSeconds:F1} s; {ledger.Changes.Count} changes, {ledger.Changes.Count(c => c.WhileDown)} of them while it was down, 0 failed; "
            + $"{ledger.Deliveries} deliveries to the listeners, each change announced under one message id; {expected.Count} partners in the registry");
        Assert.True(expected.IsSubsetOf(partners), $"the registry lacks {string.Join(", ", expected.Except(partners))} after an outage of {outage.TotalSeconds:F0} s");
    }

    private async Task<IEnumerable<string>> ForeignPartiesAsync(string officer, IEnumerable<string> agreements)
    {
        var parties = new List<string>();
        foreach (var id in agreements)
        {
            var agreement = await fixture.SucceedAsync(HttpMethod.Get, $"/api/v1/agreements/{id}", officer);
            parties.AddRange(agreement.GetProperty("foreignParties").EnumerateArray().Select(p => p.GetProperty("cityId").GetString()!));
        }
        return parties;
    }
}
