using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Paradiplomacy.Hosting.Infrastructure;

namespace Paradiplomacy.Hosting.Tests;

/// <summary>The OpenTelemetry SDK's own OTLP exporter (as every service uses it) sends to a real
/// dashboard, and the dashboard's API shows the calls it counted.</summary>
public class OtlpMetricsTests
{
    [Fact]
    public async Task Request_metrics_exported_by_the_sdk_show_per_method_with_errors_refusals_and_latency()
    {
        var options = new DistributedApplicationOptions
        {
            StateDirectory = Path.Combine(Path.GetTempPath(), $"pd-hosting-{Guid.NewGuid():N}"),
            DashboardPort = Ports.Free(),
        };
        await using var app = DistributedApplication.CreateBuilder(options).Build();
        await app.StartAsync();

        using var meter = new Meter($"Paradiplomacy.Test.{Guid.NewGuid():N}");
        var duration = meter.CreateHistogram<double>("paradiplomacy.request.duration", "s");
        using (var provider = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateDefault().AddService("registry", serviceInstanceId: "registry-0"))
            .AddMeter(meter.Name)
            .AddView("paradiplomacy.request.duration", new ExplicitBucketHistogramConfiguration { Boundaries = [0.001, 0.005, 0.015, 0.02, 0.1, 1] })
            .AddOtlpExporter(o =>
            {
                o.Endpoint = new Uri($"{app.DashboardUrl}/v1/metrics");
                o.Protocol = OtlpExportProtocol.HttpProtobuf;
            })
            .Build())
        {
            void Record(int times, double seconds, string status, string outcome)
            {
                for (var i = 0; i < times; i++)
                {
                    duration.Record(seconds, new TagList { { "method", "CityRegistry/GetCity" }, { "status", status }, { "outcome", outcome } });
                }
            }
            Record(90, 0.003, "OK", "ok");
            Record(9, 0.018, "NotFound", "refused");
            Record(1, 0.8, "Internal", "fault");
            duration.Record(0.002, new TagList { { "method", "CityRegistry/SearchCities" }, { "status", "OK" }, { "outcome", "ok" } });
            Assert.True(provider.ForceFlush(10_000));
        }

        using var http = new HttpClient { BaseAddress = new Uri(app.DashboardUrl) };
        using var json = JsonDocument.Parse(await http.GetStringAsync("/api/metrics?minutes=1"));
        var registry = json.RootElement.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("service").GetString() == "registry");
        var methods = registry.GetProperty("methods").EnumerateArray().ToList();
        Assert.Equal(["CityRegistry/GetCity", "CityRegistry/SearchCities"], methods.Select(m => m.GetProperty("method").GetString()));
        var getCity = methods[0];
        Assert.Equal(100, getCity.GetProperty("calls").GetInt64());
        Assert.Equal(1, getCity.GetProperty("errorPercent").GetDouble());
        Assert.Equal(9, getCity.GetProperty("refusedPercent").GetDouble());
        Assert.InRange(getCity.GetProperty("p50Ms").GetDouble(), 1, 5);
        Assert.InRange(getCity.GetProperty("p99Ms").GetDouble(), 15, 20);

        Directory.Delete(options.StateDirectory, recursive: true);
    }
}
