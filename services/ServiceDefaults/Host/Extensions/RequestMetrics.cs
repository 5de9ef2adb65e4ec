using System.Diagnostics.Metrics;
using System.Diagnostics;
using Grpc.Core;
namespace Paradiplomacy.HostDefaults;

/// <summary>One histogram for every call a service or the gateway answers, by method and outcome:
/// the source of the dashboard's request rate, error rate and p50/p99. "fault" is the server's
/// failure (what pages an operator); "refused" is a caller's mistake or a rule saying no.</summary>
public static class RequestMetrics
{
    public const string DurationName = "paradiplomacy.request.duration";

    // Fine enough below 100 ms, where our p99 aims live; coarse above.
    public static readonly double[] BucketBoundaries =
        [0.001, 0.0025, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10];

    private static readonly Histogram<double> Duration = Telemetry.Meter.CreateHistogram<double>(
        DurationName, unit: "s", description: "Calls answered, by method and outcome.");

    public static void Record(string method, string status, string outcome, TimeSpan elapsed) =>
        Duration.Record(elapsed.TotalSeconds, new TagList
        {
            { "method", method },
            { "status", status },
            { "outcome", outcome },
        });

    public static string Outcome(StatusCode code) => code switch
    {
        StatusCode.OK => "ok",
        StatusCode.Unknown or StatusCode.Internal or StatusCode.Unavailable or StatusCode.DataLoss
            or StatusCode.DeadlineExceeded or StatusCode.Unimplemented => "fault",
        _ => "refused",
    };

    /// <summary>"/paradiplomacy.registry.v1.CityRegistry/GetCity" → "CityRegistry/GetCity".</summary>
    public static string MethodName(string fullMethod)
    {
        var slash = fullMethod.LastIndexOf('/');
        var service = fullMethod[..Math.Max(slash, 0)].TrimStart('/');
        var dot = service.LastIndexOf('.');
        return $"{service[(dot + 1)..]}{fullMethod[Math.Max(slash, 0)..]}";
    }

    public static string Outcome(int httpStatus) => httpStatus switch
    {
        >= 500 => "fault",
        >= 400 => "refused",
        _ => "ok",
    };
}
