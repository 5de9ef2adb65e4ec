namespace Paradiplomacy.Hosting.Telemetry;

public enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}
