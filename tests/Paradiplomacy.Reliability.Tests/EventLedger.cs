using System.Collections.Concurrent;
using System.Text.Json;

namespace Paradiplomacy.Reliability.Tests;

/// <summary>The changes a test made, each with the event that must announce it, checked against listeners
/// on those events' exchanges (durable queues, so they keep what arrives while the broker restarts).</summary>
public sealed class EventLedger : IAsyncDisposable
{
    private readonly Dictionary<string, BusListener> _listeners;
    private readonly ConcurrentBag<Change> _changes = [];

    private EventLedger(Dictionary<string, BusListener> listeners) => _listeners = listeners;

    public sealed record Change(string Event, string Key, bool WhileDown);

    public IReadOnlyCollection<Change> Changes => _changes;

    public int Deliveries => _listeners.Values.Sum(l => l.Messages.Count);

    /// <summary>The message ids under which <paramref name="eventName"/> was delivered.</summary>
    public IReadOnlyList<Guid> MessageIds(string eventName) =>
        _listeners[eventName].Messages.Select(m => Guid.Parse(m.GetProperty("messageId").GetString()!)).Distinct().ToList();

    /// <summary>Listens for the named events (by default CityProfileUpdated, AgreementActivated, ProgramCreated and MeetingScheduled).</summary>
    public static async Task<EventLedger> StartAsync(string eventBus, params string[] events)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var listeners = new Dictionary<string, BusListener>();
        foreach (var name in events is [] ? ["CityProfileUpdated", "AgreementActivated", "ProgramCreated", "MeetingScheduled"] : events)
        {
            listeners[name] = await BusListener.StartAsync(eventBus, name, $"reliability-{run}-{name}");
        }
        return new EventLedger(listeners);
    }

    public void Add(string eventName, string key, bool whileDown = false) => _changes.Add(new Change(eventName, key, whileDown));

    /// <summary>After a broker restart: the listeners' connections died with it.</summary>
    public async Task ReconnectAsync()
    {
        foreach (var listener in _listeners.Values)
        {
            await listener.ConsumeAsync();
        }
    }

    /// <summary>Waits until every change has been announced; returns those that were not within <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<Change>> UnannouncedAfterAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        List<Change> missing;
        do
        {
            await Task.Delay(500);
            missing = _changes.Where(c => Announcements(c).Count == 0).ToList();
        }
        while (missing.Count > 0 && DateTime.UtcNow < deadline);
        return missing;
    }

    /// <summary>Changes announced under more than one message id: a redelivery keeps its id (the outbox row's),
    /// so a second id would be a second event for one change, which no inbox could recognise.</summary>
    public IReadOnlyList<Change> AnnouncedTwice() =>
        _changes.Where(c => Announcements(c).Select(m => m.GetProperty("messageId").GetString()).Distinct().Count() > 1).ToList();

    public string Describe(IEnumerable<Change> changes) =>
        $"{string.Join(", ", changes.GroupBy(m => m.Event).Select(g => $"{g.Key}: {g.Count()}"))} (deliveries: "
        + $"{string.Join(", ", _listeners.Select(l => $"{l.Key}: {l.Value.Messages.Count}"))}), e.g. {string.Join(", ", changes.Take(5))}";

    private List<JsonElement> Announcements(Change change) =>
        _listeners[change.Event].Messages.Where(m => m.TryGetProperty("message", out var e) && KeyOf(change.Event, e) == change.Key).ToList();

    public static string? KeyOf(string eventName, JsonElement e) => eventName switch
    {
        "CityProfileUpdated" => $"{e.GetProperty("cityId").GetString()}/{e.GetProperty("etag").GetString()}",
        "AgreementActivated" => e.GetProperty("agreementId").GetString(),
        "ProgramCreated" => e.GetProperty("programId").GetString(),
        "MeetingScheduled" => e.GetProperty("meetingId").GetString(),
        "AgreementExpiring" => $"{e.GetProperty("agreementId").GetString()}/{e.GetProperty("daysBeforeExpiry").GetInt32()}",
        "MeetingReminderDue" => $"{e.GetProperty("meetingId").GetString()}/{e.GetProperty("lead").GetString()}",
        _ => null,
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var listener in _listeners.Values)
        {
            await listener.DisposeAsync();
        }
    }
}
