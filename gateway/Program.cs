using System.Text.Json;
using Grpc.Reflection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Paradiplomacy.Gateway.Docs;
using Paradiplomacy.Gateway.Extensions;
using Paradiplomacy.Gateway.Security;
using Paradiplomacy.HostDefaults;
using Paradiplomacy.HostDefaults.Health;

var builder = WebApplication.CreateBuilder(args);

builder.AddHostDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseMiddleware<AccessLogMiddleware>();
app.MapDefaultEndpoints();
// Whether this gateway can serve, leaving out the services behind it: a readiness probe on /health would take
// every gateway out of rotation whenever one service is down, and the other four with it.
app.MapHealthChecks("/ready", new HealthCheckOptions
{
    Predicate = check => check.Name != DestinationsHealthCheck.Name,
    ResponseWriter = HealthResponseWriter.WriteAsync,
});
app.UseRouting();
app.UseAuthentication();
app.UseMiddleware<AdmissionMiddleware>();
app.UseRequestTimeouts();
app.UseOutputCache();

var openApi = OpenApiDocument.Build(app.Services.GetRequiredService<GatewayContracts>().Services).ToJsonString();
app.MapGet("/openapi/v1.json", () => Results.Content(openApi, "application/json"));
app.UseSwaggerUI(o =>
{
    o.RoutePrefix = "docs";
    o.DocumentTitle = "Paradiplomacy API";
    o.SwaggerEndpoint("/openapi/v1.json", "Paradiplomacy v1");
});
app.MapGet("/.well-known/openid-configuration", (GatewayTokenIssuer issuer) => Results.Json(issuer.DiscoveryDocument()));
app.MapGet("/.well-known/jwks.json", async (GatewayTokenIssuer issuer) => Results.Json(await issuer.JwksAsync()));
app.MapApiKeyEndpoints();
app.MapGrpcService<ReflectionServiceImpl>();
app.MapReverseProxy(proxy =>
{
    proxy.UseMiddleware<GatewayAccessMiddleware>();
    proxy.UseMiddleware<ForwardingErrorMiddleware>();
    // Over the replicas of a service: two picked at random, the less busy one served; failures count against it.
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});
// Any API path no route claims gets a JSON 404, never an empty page: an endpoint of its own, since the portal's
// catch-all (when there is a portal) would otherwise take it; routes of the services are more specific and win.
app.Map("/api/{**rest}", NoApi);
app.MapFallback(NoApi);

await app.RunAsync();

static async Task NoApi(HttpContext context)
{
    context.Response.StatusCode = StatusCodes.Status404NotFound;
    context.Response.ContentType = "application/json";
    await context.Response.WriteAsync(JsonSerializer.Serialize(new
    {
        code = 5,
        message = $"No API at {context.Request.Method} {context.Request.Path}. REST lives under /api/v1/ (see /docs).",
    }));
}

public partial class Program;
