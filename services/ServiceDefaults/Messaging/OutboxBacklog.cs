using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Paradiplomacy.HostDefaults;

namespace Paradiplomacy.ServiceDefaults.Messaging;

/// <summary>How many events wait in each outbox and how old the oldest is, as gauges: a backlog
/// that grows is the first sign the broker or the relay is in trouble.</summary>
public static class OutboxBacklog
{
    private static readonly ConcurrentDictionary<string, (long Pending, double OldestSeconds)> Current = new(StringComparer.Ordinal);

    static OutboxBacklog()
    {
        Telemetry.Meter.CreateObservableGauge("paradiplomacy.outbox.pending",
            () => Current.Select(o => new Measurement<long>(o.Value.Pending, new KeyValuePair<string, object?>("outbox", o.Key))),
            unit: "{message}", description: "Events written but not yet confirmed by the broker.");
        Telemetry.Meter.CreateObservableGauge("paradiplomacy.outbox.oldest_pending_age",
            () => Current.Select(o => new Measurement<double>(o.Value.OldestSeconds, new KeyValuePair<string, object?>("outbox", o.Key))),
            unit: "s", description: "Age of the oldest event still waiting.");
    }

    public static void Report(string outbox, long pending, double oldestSeconds) => Current[outbox] = (pending, oldestSeconds);
}
