using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

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
        await PlanProgramAsync(officer, agreement, "Heard of before the outage", retryUntilKnown: true);
        await ScheduleMeetingAsync(officer, agreement, foreign[0], "Heard of before the outage", retryUntilKnown: true);

        var run = Guid.NewGuid().ToString("N")[..8];
        var listeners = new Dictionary<string, BusListener>();
        foreach (var name in new[] { "CityProfileUpdated", "AgreementActivated", "ProgramCreated", "MeetingScheduled" })
        {
            listeners[name] = await BusListener.StartAsync(fixture.EventBus, name, $"reliability-{run}-{name}");
        }
        try
        {
            var changes = new ConcurrentBag<(string Event, string Key, bool WhileDown)>();
            var failures = new ConcurrentBag<string>();
            var killed = fixture.Host.Kill("eventbus");
            var down = Stopwatch.StartNew();
            var back = fixture.Host.WaitForRestartAsync("eventbus", killed, TimeSpan.FromMinutes(2));
            var next = 0;
            var partner = 0;

            // Four officers' desks, each making its kind of change about four times a second until the broker is back
            // (and at least three times), well within an officer's quota.
            async Task DeskAsync(string name, Func<string, int, Task<(string Event, string Key)>> change)
            {
                var desk = fixture.Token("regional-officer", Region, subject: $"{name}-desk@{Region}");
                for (var i = 0; !back.IsCompleted || i < 3; i++)
                {
                    await Task.Delay(250);
                    try
                    {
                        var made = await change(desk, Interlocked.Increment(ref next));
                        changes.Add((made.Event, made.Key, !back.IsCompleted));
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        failures.Add($"{name}: {ex.Message}");
                    }
                }
            }
            await Task.WhenAll(
                DeskAsync("profile", async (desk, n) =>
                {
                    var traits = n % 2 == 0 ? new[] { "port_city", "industrial" } : new[] { "port_city", "coastal" };
                    var city = await fixture.SucceedAsync(HttpMethod.Patch, $"/api/v1/cities/{City}", desk, new { profile = new { traits }, updateMask = "traits" });
                    return ("CityProfileUpdated", $"{City}/{city.GetProperty("etag").GetString()}");
                }),
                DeskAsync("agreement", async (desk, n) =>
                    ("AgreementActivated", await fixture.RegisterAgreementAsync(Region, City, foreign[Interlocked.Increment(ref partner)], $"Surabaya sister city {run}-{n}", token: desk))),
                DeskAsync("program", async (desk, n) => ("ProgramCreated", await PlanProgramAsync(desk, agreement, $"Exchange {run}-{n}", retryUntilKnown: false))),
                DeskAsync("meeting", async (desk, n) => ("MeetingScheduled", await ScheduleMeetingAsync(desk, agreement, foreign[0], $"Working group {run}-{n}", retryUntilKnown: false))),
                back);
            var outage = down.Elapsed;

            Assert.True(failures.IsEmpty, $"{failures.Count} changes failed:\n{string.Join("\n", failures.Distinct().Take(6))}");
            Assert.All(listeners.Keys, name => Assert.Contains(changes, c => c.Event == name && c.WhileDown));

            // The listeners' connections died with the broker; their durable queues kept what arrived since.
            foreach (var listener in listeners.Values)
            {
                await listener.ConsumeAsync();
            }
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180);
            List<(string Event, string Key, bool WhileDown)> missing;
            do
            {
                await Task.Delay(500);
                missing = changes.Where(c => Announcements(listeners[c.Event], c.Event, c.Key).Count == 0).ToList();
            }
            while (missing.Count > 0 && DateTime.UtcNow < deadline);
            Assert.True(missing.Count == 0, $"{missing.Count} of {changes.Count} changes were never announced ({string.Join(", ", missing.GroupBy(m => m.Event).Select(g => $"{g.Key}: {g.Count()}"))}; "
                + $"deliveries: {string.Join(", ", listeners.Select(l => $"{l.Key}: {l.Value.Messages.Count}"))}), e.g. {string.Join(", ", missing.Take(5))}");

            // Anything sent twice would have arrived by now. A redelivery keeps its message id (the outbox row's),
            // so a consumer's inbox recognises it: one message id per change, and no change's event twice over.
            await Task.Delay(TimeSpan.FromSeconds(3));
            foreach (var change in changes)
            {
                var ids = Announcements(listeners[change.Event], change.Event, change.Key).Select(m => m.GetProperty("messageId").GetString()).Distinct().ToList();
                Assert.True(ids.Count == 1, $"{change.Event} {change.Key} was announced under {ids.Count} message ids");
            }

            // And the services consumed them: the registry counts every partner registered during the outage.
            var registered = changes.Where(c => c.Event == "AgreementActivated").Select(c => c.Key).ToList();
            var expected = (await ForeignPartiesAsync(officer, registered)).ToHashSet();
            var partners = await PartnersAsync(expected);
            output.WriteLine($"RabbitMQ down {outage.TotalSeconds:F1} s; {changes.Count} changes, {changes.Count(c => c.WhileDown)} of them while it was down, 0 failed; "
                + $"{listeners.Values.Sum(l => l.Messages.Count)} deliveries to the listeners, each change announced under one message id; {expected.Count} partners in the registry");
            Assert.True(expected.IsSubsetOf(partners), $"the registry lacks {string.Join(", ", expected.Except(partners))} after an outage of {outage.TotalSeconds:F0} s");
        }
        finally
        {
            foreach (var listener in listeners.Values)
            {
                await listener.DisposeAsync();
            }
        }
    }

    private static IReadOnlyList<JsonElement> Announcements(BusListener listener, string eventName, string key) =>
        listener.Messages.Where(m => m.TryGetProperty("message", out var e) && KeyOf(eventName, e) == key).ToList();

    private static string? KeyOf(string eventName, JsonElement e) => eventName switch
    {
        "CityProfileUpdated" => $"{e.GetProperty("cityId").GetString()}/{e.GetProperty("etag").GetString()}",
        "AgreementActivated" => e.GetProperty("agreementId").GetString(),
        "ProgramCreated" => e.GetProperty("programId").GetString(),
        "MeetingScheduled" => e.GetProperty("meetingId").GetString(),
        _ => null,
    };

    /// <summary>The registry's partners of the city, once they include <paramref name="expected"/> or a minute has passed.</summary>
    private async Task<HashSet<string>> PartnersAsync(IReadOnlySet<string> expected)
    {
        var partners = new HashSet<string>();
        for (var i = 0; i < 120 && !expected.IsSubsetOf(partners); i++)
        {
            await Task.Delay(500);
            var city = await fixture.SucceedAsync(HttpMethod.Get, $"/api/v1/cities/{City}", fixture.Token("regional-officer", Region));
            partners = city.GetProperty("currentPartnerIds").EnumerateArray().Select(p => p.GetString()!).ToHashSet();
        }
        return partners;
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

    private async Task<string> PlanProgramAsync(string officer, string agreement, string title, bool retryUntilKnown)
    {
        var start = DateTime.UtcNow.Date.AddDays(30);
        var end = start.AddMonths(6);
        for (var attempt = 0; ; attempt++)
        {
            var (status, body) = await fixture.SendAsync(HttpMethod.Post, $"/api/v1/programs?requestId={Guid.NewGuid():N}", officer, new
            {
                agreementId = agreement, type = "STUDENT_EXCHANGE", field = "education", title, objectives = "Teachers' exchange",
                indonesianLeadOffice = "Dinas Pendidikan Kota Surabaya", foreignLeadOffice = "Board of Education",
                startDate = new { year = start.Year, month = start.Month, day = start.Day }, endDate = new { year = end.Year, month = end.Month, day = end.Day }, deliveryMode = "HYBRID", location = "Surabaya",
                sdgTargets = new[] { "4.c" },
            });
            if (status == 200)
            {
                return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
            }
            Assert.True(retryUntilKnown && attempt < 150 && body.Contains("AGREEMENT_NOT_ACTIVE", StringComparison.Ordinal), $"plan {title}: {status} {body}");
            await Task.Delay(200);
        }
    }

    private async Task<string> ScheduleMeetingAsync(string officer, string agreement, string foreignCity, string title, bool retryUntilKnown)
    {
        var start = DateTime.UtcNow.Date.AddDays(14).AddHours(7);
        for (var attempt = 0; ; attempt++)
        {
            var (status, body) = await fixture.SendAsync(HttpMethod.Post, $"/api/v1/meetings?requestId={Guid.NewGuid():N}", officer, new
            {
                agreementId = agreement, title, purpose = "Working group", mode = "VIRTUAL", timeZone = "Asia/Jakarta",
                startTime = start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                endTime = start.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                participants = new[]
                {
                    new { name = "Rina Wulandari", email = "rina@surabaya.go.id", cityId = City, position = "Kepala Bagian Kerja Sama" },
                    new { name = "Partner delegate", email = "delegate@partner.example", cityId = foreignCity, position = "International relations" },
                },
            });
            if (status == 200)
            {
                return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
            }
            Assert.True(retryUntilKnown && attempt < 150 && body.Contains("is not known to the meetings service", StringComparison.Ordinal), $"schedule {title}: {status} {body}");
            await Task.Delay(200);
        }
    }
}
