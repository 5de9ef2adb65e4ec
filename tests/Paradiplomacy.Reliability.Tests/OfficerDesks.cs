using System.Collections.Concurrent;

namespace Paradiplomacy.Reliability.Tests;

/// <summary>Four regional officers of one region at their desks, each making its kind of change in its own
/// service (the city's profile, an agreement registered, a program planned, a meeting scheduled), every
/// change put in the ledger with the event that must announce it.</summary>
public sealed class OfficerDesks(ReliabilityFixture fixture, EventLedger ledger, string region, string city, string agreement, IReadOnlyList<string> foreign)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private int _next;
    private int _partner;

    /// <summary>Changes that failed, with the desk's name.</summary>
    public ConcurrentBag<string> Failures { get; } = [];

    /// <summary>Runs the four desks at once, each changing while <paramref name="keepGoing"/> (given its count) holds,
    /// <paramref name="pause"/> between changes; <paramref name="whileDown"/> marks the changes made during a fault.</summary>
    public Task RunAsync(Func<int, bool> keepGoing, TimeSpan pause, Func<bool>? whileDown = null)
    {
        async Task DeskAsync(string name, string eventName, Func<string, int, Task<string>> change)
        {
            var desk = fixture.Token("regional-officer", region, subject: $"{name}-desk@{region}");
            for (var i = 0; keepGoing(i); i++)
            {
                await Task.Delay(pause);
                try
                {
                    var key = await change(desk, Interlocked.Increment(ref _next));
                    ledger.Add(eventName, key, whileDown: whileDown?.Invoke() ?? false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    Failures.Add($"{name}: {ex.Message}");
                }
            }
        }
        return Task.WhenAll(
            DeskAsync("profile", "CityProfileUpdated", async (desk, n) =>
            {
                // A new summary each time, so that every update changes the profile and is announced (an update that
                // changes nothing answers with the city's current etag, which may be the partnership consumer's).
                // That consumer changes the same city as it hears of the agreements; the update, made without an
                // etag, is applied on the city as it stands (the write path retries).
                var updated = await fixture.SucceedAsync(HttpMethod.Patch, $"/api/v1/cities/{city}", desk,
                    new { profile = new { summary = $"Updated by the profile desk, {_run}-{n}" }, updateMask = "summary" });
                return $"{city}/{updated.GetProperty("etag").GetString()}";
            }),
            DeskAsync("agreement", "AgreementActivated", (desk, n) =>
                fixture.RegisterAgreementAsync(region, city, foreign[Interlocked.Increment(ref _partner)], $"Sister city agreement {_run}-{n}", token: desk)),
            DeskAsync("program", "ProgramCreated", (desk, n) => fixture.PlanProgramAsync(desk, agreement, $"Exchange {_run}-{n}", retryUntilKnown: false)),
            DeskAsync("meeting", "MeetingScheduled", (desk, n) => fixture.ScheduleMeetingAsync(desk, agreement, city, foreign[0], $"Working group {_run}-{n}", retryUntilKnown: false)));
    }
}
