using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Paradiplomacy.HostDefaults.Health;

namespace Paradiplomacy.HostDefaults;

/// <summary>What every process of the platform shares: telemetry, health, service discovery and
/// resilient clients. The gateway calls <see cref="AddHostDefaults"/> first; services get it through
/// ServiceDefaults' AddServiceDefaults, which adds their database, bus and gRPC.</summary>
public static class HostDefaultsExtensions
{
    public const string AliveTag = "live";

    public static IHostApplicationBuilder AddHostDefaults(this IHostApplicationBuilder builder)
    {
        builder.ConfigureOpenTelemetry();
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [AliveTag]);
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static IHostApplicationBuilder ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddSimpleConsole(o =>
        {
            o.IncludeScopes = true;
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
            // Plain text: the console is kept in {state}/logs/*.log for reading after the fact, where colour
            // codes are noise, and writing them was part of what a log line costs.
            o.ColorBehavior = Microsoft.Extensions.Logging.Console.LoggerColorBehavior.Disabled;
        });
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(Telemetry.MeterName)
                .AddView(RequestMetrics.DurationName, new ExplicitBucketHistogramConfiguration { Boundaries = RequestMetrics.BucketBoundaries }))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName, Telemetry.ActivitySourceName)
                .AddAspNetCoreInstrumentation(o =>
                    o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health") && !ctx.Request.Path.StartsWithSegments("/alive")
                        && !ctx.Request.Path.StartsWithSegments("/ready"))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation());

        // OTLP only when a collector is configured, as Aspire does; otherwise telemetry stays in-process.
        // OTEL_{TRACES,METRICS,LOGS}_EXPORTER=none leaves one signal out, as the OpenTelemetry spec names it.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            bool Exported(string signal) => !string.Equals(builder.Configuration[$"OTEL_{signal}_EXPORTER"], "none", StringComparison.OrdinalIgnoreCase);
            var otel = builder.Services.AddOpenTelemetry();
            if (Exported("TRACES"))
            {
                otel.WithTracing(tracing => tracing.AddOtlpExporter());
            }
            if (Exported("METRICS"))
            {
                otel.WithMetrics(metrics => metrics.AddOtlpExporter());
            }
            if (Exported("LOGS"))
            {
                otel.WithLogging(logging => logging.AddOtlpExporter());
            }
        }
        return builder;
    }

    /// <summary>/health runs every check (database, cache, broker); /alive only says the process answers.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<UnreadableGrpcRequestMiddleware>();
        // Never a stack trace to a caller, whatever the environment: a JSON status with the trace id.
        app.UseExceptionHandler(errors => errors.Run(UnhandledErrorWriter.WriteAsync));
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = r => r.Tags.Contains(AliveTag) });
        return app;
    }
}
