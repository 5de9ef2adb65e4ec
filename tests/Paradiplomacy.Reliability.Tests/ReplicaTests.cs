using Microsoft.Extensions.DependencyInjection;
using Aspire.Hosting.ApplicationModel;
using Paradiplomacy.Hosting.Commands;

namespace Paradiplomacy.Reliability.Tests;

/// <summary>Two replicas of every service: they compete on their service's queues, share its outbox and take
/// turns on its calendar jobs, so every event is handled once by each service and every notice goes out once.</summary>
[Collection(ReplicatedSystemCollection.Name)]
public class ReplicaTests(ReplicatedSystemFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Region = "35.78";
    private const string City = "idn-35.78";

    [Fact]
    public async Task Two_replicas_of_each_service_consume_one_quorum_queue_and_every_event_is_sent_and_handled_once()
    {
        var queues = await BrokerQueues.OfAsync((IResourceWithConnectionString)fixture.Host.App.Services
            .GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "eventbus"), CancellationToken.None);
        // The agreements service consumes nothing. A replica healthy a moment ago may still be binding its last queues.
        foreach (var service in ReplicatedSystemFixture.Services.Where(s => s != "agreements"))
        {
            var consumers = await queues.ConsumersAsync(service, CancellationToken.None);
            for (var i = 0; i < 60 && consumers.Any(q => q.Consumers != 2); i++)
            {
                await Task.Delay(1000);
                consumers = await queues.ConsumersAsync(service, CancellationToken.None);
            }
            output.WriteLine($"{service}: {string.Join(", ", consumers.Select(q => $"{q.Name} {q.Type} {q.Consumers}"))}");
            Assert.NotEmpty(consumers);
            Assert.All(consumers, q => Assert.Equal(2, q.Consumers));
            Assert.All(consumers, q => Assert.Equal("quorum", q.Type));
        }

        var officer = fixture.Token("regional-officer", Region);
        var foreign = await fixture.ForeignCitiesAsync(120);
        var agreement = await fixture.RegisterAgreementAsync(Region, City, foreign[0], "Surabaya sister city (replicas)");
        await fixture.PlanProgramAsync(officer, agreement, "Heard of by both replicas", retryUntilKnown: true);
        await fixture.ScheduleMeetingAsync(officer, agreement, City, foreign[0], "Heard of by both replicas", retryUntilKnown: true);

        await using var ledger = await EventLedger.StartAsync(fixture.EventBus);
        // The four desks at once, 25 changes each, through the gateway (which spreads them over the replicas).
        var desks = new OfficerDesks(fixture, ledger, Region, City, agreement, foreign);
        await desks.RunAsync(i => i < 25, TimeSpan.Zero);
        Assert.True(desks.Failures.IsEmpty, $"{desks.Failures.Count} changes failed:\n{string.Join("\n", desks.Failures.Distinct().Take(6))}");

        // Sent once: two relays read each service's outbox, each row is published by one of them.
        var missing = await ledger.UnannouncedAfterAsync(TimeSpan.FromSeconds(60));
        Assert.True(missing.Count == 0, $"{missing.Count} never announced: {ledger.Describe(missing)}");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var twice = ledger.AnnouncedTwice();
        Assert.True(twice.Count == 0, $"announced under two message ids: {ledger.Describe(twice)}");

        // Handled once by each consuming service: one inbox row per message and consumer, in whichever replica took it.
        var activated = ledger.MessageIds("AgreementActivated");
        var created = ledger.MessageIds("ProgramCreated");
        Assert.Equal(25, activated.Count);
        Assert.Equal(25, created.Count);
        var partners = foreign.Skip(1).Take(25).ToHashSet();
        Assert.Superset(partners, (await fixture.Gateway.CurrentPartnersAsync(City, partners)).ToHashSet());
        foreach (var (service, ids) in new[] { ("registry", activated), ("programs", activated), ("meetings", activated), ("funding", created), ("meetings", created) })
        {
            var handled = await fixture.InboxAsync(service, ids);
            output.WriteLine($"{service}: {handled} of {ids.Count} messages in its inbox");
            Assert.Equal(ids.Count, handled);
        }
        output.WriteLine($"{ledger.Changes.Count} changes, {ledger.Deliveries} deliveries to the listeners, each announced under one message id");
    }

    [Fact]
    public async Task With_Redis_down_the_calendar_jobs_of_two_replicas_send_each_expiry_notice_and_reminder_once()
    {
        var officer = fixture.Token("regional-officer", "33.74");
        var foreign = await fixture.ForeignCitiesAsync(300);
        // In force before the outage: the agreement the meetings are held under.
        var agreement = await fixture.RegisterAgreementAsync("33.74", "idn-33.74", foreign[^1], "Semarang sister city (replicas)");
        await fixture.ScheduleMeetingAsync(officer, agreement, "idn-33.74", foreign[^1], "Heard of by both replicas", retryUntilKnown: true, startsIn: TimeSpan.FromDays(3));

        await using var ledger = await EventLedger.StartAsync(fixture.EventBus, "AgreementExpiring", "MeetingReminderDue");
        Assert.True((await fixture.Host.CommandAsync("cache", KnownResourceCommands.StopCommand)).Success);
        try
        {
            // Agreements signed five years less twenty days ago for five years: twenty days left, the 30-day notice due.
            var signedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-60).AddDays(20);
            for (var i = 0; i < 6; i++)
            {
                var id = await fixture.RegisterAgreementAsync("33.74", "idn-33.74", foreign[250 + i], $"Semarang partnership ending soon {i}", signedOn: signedOn);
                ledger.Add("AgreementExpiring", $"{id}/30");
            }
            // Meetings in twenty hours: each one's day-ahead reminder due.
            for (var i = 0; i < 6; i++)
            {
                var id = await fixture.ScheduleMeetingAsync(officer, agreement, "idn-33.74", foreign[^1], $"Coordination call {i}", retryUntilKnown: false, startsIn: TimeSpan.FromHours(20));
                ledger.Add("MeetingReminderDue", $"{id}/1.00:00:00");
            }

            var missing = await ledger.UnannouncedAfterAsync(TimeSpan.FromSeconds(60));
            Assert.True(missing.Count == 0, $"{missing.Count} never announced with Redis down: {ledger.Describe(missing)}");
            // Several passes of both replicas later, still once each.
            await Task.Delay(TimeSpan.FromSeconds(8));
            var twice = ledger.AnnouncedTwice();
            Assert.True(twice.Count == 0, $"announced twice: {ledger.Describe(twice)}");
            output.WriteLine($"Redis down: {ledger.Changes.Count} notices and reminders due, {ledger.Deliveries} deliveries, each under one message id");
        }
        finally
        {
            Assert.True((await fixture.Host.CommandAsync("cache", KnownResourceCommands.StartCommand)).Success);
            await fixture.Host.App.ResourceNotifications.WaitForResourceHealthyAsync("cache");
        }
    }
}
