using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Paradiplomacy.HostDefaults;

/// <summary>The platform's own activity source and meter (outbox relay, inbox), next to the
/// instrumentation that ASP.NET Core, Npgsql and MassTransit bring.</summary>
public static class Telemetry
{
    public const string ActivitySourceName = "Paradiplomacy";
    public const string MeterName = "Paradiplomacy";

    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);
    public static readonly Meter Meter = new(MeterName);
}
