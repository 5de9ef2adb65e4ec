using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Paradiplomacy.Hosting.Dashboard.Metrics;
using Paradiplomacy.Hosting.Identity;
using Paradiplomacy.Hosting.Resources;
using Paradiplomacy.Hosting.Telemetry;
using Paradiplomacy.Hosting.Telemetry.Otlp;

namespace Paradiplomacy.Hosting.Dashboard;

/// <summary>The apphost's web endpoint: resource state for operators and tools, console logs, an
/// OTLP/HTTP receiver with traces and structured logs, and the development identity provider's
/// discovery document and keys.</summary>
public sealed class DashboardServer(DistributedApplication application, DevelopmentIdentity identity, TelemetryStore telemetry, int port) : IAsyncDisposable
{
    // What our OTLP subset leaves out (span events and links, flags, exemplars…) is skipped on
    // parsing rather than kept as unknown fields: nobody reads it, and copying it cost CPU per span.
    private static readonly Google.Protobuf.MessageParser<ExportTraceServiceRequest> TraceParser = ExportTraceServiceRequest.Parser.WithDiscardUnknownFields(true);
    private static readonly Google.Protobuf.MessageParser<ExportLogsServiceRequest> LogsParser = ExportLogsServiceRequest.Parser.WithDiscardUnknownFields(true);
    private static readonly Google.Protobuf.MessageParser<ExportMetricsServiceRequest> MetricsParser = ExportMetricsServiceRequest.Parser.WithDiscardUnknownFields(true);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };
    private WebApplication? _app;

    public string Url => $"http://127.0.0.1:{port}";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Url);
        builder.Logging.ClearProviders();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase);
        var app = builder.Build();

        app.MapGet("/", () => Results.Content(DashboardPage.Html, "text/html; charset=utf-8"));
        app.MapGet("/api/resources", () => Results.Json(application.Resources.Select(ResourceSnapshot.Of), Json));
        app.MapGet("/api/logs", (string? resource, long? after, int? max) =>
        {
            var target = application.Resources.FirstOrDefault(r => r.Name == resource);
            return target is null
                ? Results.Json(new { error = $"unknown resource '{resource}'", resources = application.Resources.Select(r => r.Name) }, Json, statusCode: 404)
                : Results.Json(target.Logs.Snapshot(after ?? 0, Math.Clamp(max ?? 500, 1, 5000)), Json);
        });
        // Live console: Server-Sent Events, one event per line; a reconnecting browser resumes after
        // the last line it saw (Last-Event-ID).
        app.MapGet("/api/logs/stream", async (HttpContext context, string? resource, long? after) =>
        {
            var target = application.Resources.FirstOrDefault(r => r.Name == resource);
            if (target is null)
            {
                context.Response.StatusCode = 404;
                await context.Response.WriteAsJsonAsync(new { error = $"unknown resource '{resource}'" }, Json);
                return;
            }
            var last = long.TryParse(context.Request.Headers["Last-Event-ID"], out var resumed) ? resumed : after ?? 0;
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            var ct = context.RequestAborted;
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    foreach (var line in target.Logs.Snapshot(last, 1000))
                    {
                        await context.Response.WriteAsync($"id: {line.Sequence}\ndata: {JsonSerializer.Serialize(line, Json)}\n\n", ct);
                        last = line.Sequence;
                    }
                    await context.Response.Body.FlushAsync(ct);
                    await Task.Delay(250, ct);
                }
            }
            catch (OperationCanceledException)
            {
                // The browser went away.
            }
        });
        app.MapPost("/api/resources/{name}/{action}", async (string name, string action) =>
        {
            var target = application.Resources.FirstOrDefault(r => r.Name == name);
            if (target is null)
            {
                return Results.Json(new { error = $"unknown resource '{name}'" }, Json, statusCode: 404);
            }
            switch (action)
            {
                case "stop":
                    await target.StopAsync();
                    break;
                case "start":
                    _ = target.StartAsync(CancellationToken.None);
                    break;
                case "restart":
                    _ = target.RestartAsync(CancellationToken.None);
                    break;
                default:
                    return Results.Json(new { error = "action is stop, start or restart" }, Json, statusCode: 400);
            }
            return Results.Json(ResourceSnapshot.Of(target), Json, statusCode: 202);
        });
        // OTLP/HTTP receiver: services export here (OTEL_EXPORTER_OTLP_ENDPOINT), as to any collector.
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            telemetry.Add(TraceParser.ParseFrom(await ReadBodyAsync(request)));
            return Results.Bytes([], "application/x-protobuf");
        });
        app.MapPost("/v1/logs", async (HttpRequest request) =>
        {
            telemetry.Add(LogsParser.ParseFrom(await ReadBodyAsync(request)));
            return Results.Bytes([], "application/x-protobuf");
        });
        app.MapPost("/v1/metrics", async (HttpRequest request) =>
        {
            application.Metrics.Add(MetricsParser.ParseFrom(await ReadBodyAsync(request)));
            return Results.Bytes([], "application/x-protobuf");
        });
        app.MapGet("/api/metrics", (double? minutes) =>
            Results.Json(MetricsReport.Build(application.Metrics, TimeSpan.FromMinutes(Math.Clamp(minutes ?? 15, 1, MetricsStore.Kept.TotalMinutes))), Json));
        app.MapGet("/api/traces", (string? service, string? route, string? status, double? minDurationMs, int? limit) =>
            Results.Json(telemetry.Traces(service, route, status, minDurationMs, Math.Clamp(limit ?? 100, 1, 1000)), Json));
        app.MapGet("/api/traces/{traceId}", (string traceId) => telemetry.Trace(traceId) is { } spans
            ? Results.Json(spans, Json)
            : Results.Json(new { error = $"no trace '{traceId}' (yet)" }, Json, statusCode: 404));
        app.MapGet("/api/structured-logs", (string? service, string? level, string? traceId, string? text, long? after, int? limit) =>
            Results.Json(telemetry.Logs(service, level, traceId, text, after ?? 0, Math.Clamp(limit ?? 500, 1, 5000)), Json));
        app.MapGet("/api/queues", async (CancellationToken ct) =>
        {
            var monitor = Monitor();
            return monitor is null
                ? Results.Json(Array.Empty<QueueSnapshot>(), Json)
                : Results.Json(await monitor.QueuesAsync(ct), Json);
        });
        app.MapPost("/api/queues/{name}:replay", async (string name, CancellationToken ct) =>
        {
            var monitor = Monitor();
            if (monitor is null || !name.EndsWith(QueueMonitor.ErrorSuffix, StringComparison.Ordinal))
            {
                return Results.Json(new { error = $"'{name}' is not an error queue of this system's broker" }, Json, statusCode: 400);
            }
            return Results.Json(new { queue = name, moved = await monitor.ReplayAsync(name, ct) }, Json);
        });
        app.MapGet("/api/problems", async (CancellationToken ct) => Results.Json(await ProblemsAsync(ct), Json));
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(identity.DiscoveryDocument()));
        app.MapGet("/.well-known/jwks.json", () => Results.Json(identity.Jwks()));

        await app.StartAsync(cancellationToken);
        _app = app;
        _sampler = new InfrastructureSampler(application, application.Metrics, Monitor);
        _sampler.Start();
    }

    private InfrastructureSampler? _sampler;

    private QueueMonitor? _monitor;

    private QueueMonitor? Monitor()
    {
        var broker = application.Resources.OfType<RabbitMQResource>().FirstOrDefault(r => r.State == ResourceState.Running);
        return broker is null ? null : _monitor ??= new QueueMonitor(broker);
    }

    /// <summary>What needs an operator now: unhealthy or failed resources, services restarting in a
    /// loop, messages waiting in error queues.</summary>
    private async Task<IReadOnlyList<string>> ProblemsAsync(CancellationToken ct)
    {
        var problems = new List<string>();
        foreach (var resource in application.Resources)
        {
            if (resource.Health == ResourceHealth.Unhealthy || resource.State == ResourceState.Failed)
            {
                problems.Add($"{resource.Name} is {resource.State}, {resource.Health}: {resource.Problem}");
            }
            if (resource.Restarts >= 3)
            {
                problems.Add($"{resource.Name} has restarted {resource.Restarts} times");
            }
        }
        var recent = MetricsReport.Build(application.Metrics, TimeSpan.FromMinutes(1));
        foreach (var outbox in recent.OutboxPending)
        {
            var values = outbox.Values.Where(v => v is not null).Select(v => v!.Value).ToList();
            var oldest = recent.OutboxOldestPendingSeconds.FirstOrDefault(o => o.Name == outbox.Name)?.Values.LastOrDefault(v => v is not null) ?? 0;
            // An event waiting long past the relay's one-second poll, or a backlog rising for three steps running.
            var tail = values.TakeLast(3).ToList();
            var growing = tail.Count == 3 && tail[0] > 0 && tail[1] > tail[0] && tail[2] > tail[1];
            if (growing || oldest > 30)
            {
                problems.Add($"{outbox.Name}'s outbox holds {values.LastOrDefault():0} unpublished event(s), the oldest waiting {oldest:0} s");
            }
        }
        try
        {
            if (Monitor() is { } monitor)
            {
                problems.AddRange((await monitor.QueuesAsync(ct)).Where(q => q.IsErrorQueue && q.Messages > 0)
                    .Select(q => $"{q.Messages} message(s) failed and wait in {q.Name}"));
            }
        }
        catch (HttpRequestException ex)
        {
            problems.Add($"the broker's management API did not answer: {ex.Message}");
        }
        return problems;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        var body = request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase)
            ? new System.IO.Compression.GZipStream(request.Body, System.IO.Compression.CompressionMode.Decompress)
            : request.Body;
        await body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public async Task StopSamplingAsync()
    {
        if (_sampler is not null)
        {
            await _sampler.DisposeAsync();
            _sampler = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopSamplingAsync();
        _monitor?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
