using Paradiplomacy.Hosting.Supervision;
using Microsoft.Extensions.DependencyInjection;

namespace Paradiplomacy.Hosting.Redis;

public static class RedisHostingExtensions
{
    /// <summary>Redis as Aspire's container, or the distribution's server on loopback.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddPlatformRedis(this IDistributedApplicationBuilder builder, string name,
        InfrastructureMode mode, StateFolder state) =>
        mode == InfrastructureMode.Containers
            ? builder.AddRedis(name).WithDataVolume()
            : builder.AddLocalRedis(name, state);

    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(this IDistributedApplicationBuilder builder, string name, StateFolder state)
    {
        var directory = state.For(name);
        Directory.CreateDirectory(directory);
        var resource = new LocalRedisResource(name, Programs.Find("redis-server", "redis-server"), directory);
        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(resource, async (_, ct) =>
            connectionString = await resource.ConnectionStringExpression.GetValueAsync(ct));
        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddRedis(_ => connectionString ?? throw new InvalidOperationException("Connection string is unavailable"), name: healthCheck);

        return builder.AddResource(resource)
            .WithLoopbackEndpoint(LocalRedisResource.EndpointName)
            .WithArgs(context =>
            {
                context.Args.Add("--port");
                context.Args.Add(resource.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                foreach (var arg in new[]
                {
                    "--bind", "127.0.0.1", "--dir", directory, "--appendonly", state.Durable ? "yes" : "no", "--save", "",
                    "--daemonize", "no", "--protected-mode", "yes", "--loglevel", "warning",
                })
                {
                    context.Args.Add(arg);
                }
            })
            .WithHealthCheck(healthCheck)
            .WithIconName("Memory")
            .WithRestartOnCrash();
    }
}
