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

        await using var ledger = await EventLedger.StartAsync(fixture.EventBus);
        var desks = new OfficerDesks(fixture, ledger, Region, City, agreement, foreign);
        var killed = fixture.Host.Kill("eventbus");
        var down = Stopwatch.StartNew();
        var back = fixture.Host.WaitForRestartAsync("eventbus", killed, TimeSpan.FromMinutes(2));
        // Each desk changes about four times a second until the broker is back (and at least three times), well
        // within an officer's quota.
        await Task.WhenAll(desks.RunAsync(i => !back.IsCompleted || i < 3, TimeSpan.FromMilliseconds(250), () => !back.IsCompleted), back);
        var outage = down.Elapsed;

        Assert.True(desks.Failures.IsEmpty, $"{desks.Failures.Count} changes failed:\n{string.Join("\n", desks.Failures.Distinct().Take(6))}");
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
