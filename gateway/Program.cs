using System.Text.Json;
using Paradiplomacy.Gateway.Extensions;
using Paradiplomacy.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcService<Grpc.Reflection.ReflectionServiceImpl>();
app.MapReverseProxy();
// Anything no route claims gets a JSON 404, never an empty page.
app.MapFallback(async context =>
{
    context.Response.StatusCode = StatusCodes.Status404NotFound;
    context.Response.ContentType = "application/json";
    await context.Response.WriteAsync(JsonSerializer.Serialize(new
    {
        code = 5,
        message = $"No API at {context.Request.Method} {context.Request.Path}. REST lives under /api/v1/ (see /openapi/v1.json).",
    }));
});

await app.RunAsync();

public partial class Program;
