namespace Paradiplomacy.Hosting.Telemetry;

/// <summary>What one series did in one step: a counter's increase, a gauge's last value, or a
/// histogram's new observations per bucket.</summary>
public sealed class StepPoint
{
    public double Value { get; set; }

    public long[]? Buckets { get; set; }
}
