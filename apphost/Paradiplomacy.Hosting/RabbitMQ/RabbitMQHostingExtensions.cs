using Paradiplomacy.Hosting.Supervision;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using global::RabbitMQ.Client;

namespace Paradiplomacy.Hosting.RabbitMQ;

public static class RabbitMQHostingExtensions
{
    /// <summary>RabbitMQ with its management UI, as Aspire's container or the distribution's broker.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddPlatformRabbitMQ(this IDistributedApplicationBuilder builder, string name,
        InfrastructureMode mode, StateFolder state) =>
        mode == InfrastructureMode.Containers
            ? builder.AddRabbitMQ(name).WithManagementPlugin().WithDataVolume()
            : builder.AddLocalRabbitMQ(name, state);

    public static IResourceBuilder<LocalRabbitMQResource> AddLocalRabbitMQ(this IDistributedApplicationBuilder builder, string name, StateFolder state)
    {
        var root = state.For(name);
        var home = Path.Combine(root, "home");
        foreach (var dir in new[] { home, Path.Combine(root, "mnesia"), Path.Combine(root, "log") })
        {
            Directory.CreateDirectory(dir);
        }
        File.WriteAllText(Path.Combine(root, "enabled_plugins"), "[rabbitmq_management].");

        var epmd = new EpmdResource($"{name}-epmd", Programs.Find("epmd", "rabbitmq-server", "/usr/lib/erlang/bin"));
        var epmdBuilder = builder.AddResource(epmd)
            .WithLoopbackEndpoint(EpmdResource.EndpointName)
            .WithArgs(context =>
            {
                context.Args.Add("-port");
                context.Args.Add(epmd.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("-address");
                context.Args.Add("127.0.0.1");
            })
            .WithIconName("PlugConnected")
            .WithRestartOnCrash();

        // RUNNING_UNDER_SYSTEMD makes the script exec the VM, so DCP's child is the broker itself.
        var resource = new LocalRabbitMQResource(name, Programs.Find("rabbitmq-server", "rabbitmq-server", "/usr/lib/rabbitmq/bin"), root);
        string? connectionString = null;
        IConnection? connection = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(resource, async (_, ct) =>
            connectionString = await resource.ConnectionStringExpression.GetValueAsync(ct));
        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddRabbitMQ(async _ => connection ??= await new ConnectionFactory
        {
            Uri = new Uri(connectionString ?? throw new InvalidOperationException("Connection string is unavailable")),
        }.CreateConnectionAsync(), name: healthCheck);

        // One node name per state folder, so two systems on one machine (a developer's, a test run) never collide.
        var node = $"pd{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(root)))[..10].ToLowerInvariant()}@localhost";
        return builder.AddResource(resource)
            .WithLoopbackEndpoint(LocalRabbitMQResource.EndpointName)
            .WithLoopbackEndpoint(LocalRabbitMQResource.ManagementEndpointName, "http")
            .WithLoopbackEndpoint(LocalRabbitMQResource.DistributionEndpointName)
            .WithUrlForEndpoint(LocalRabbitMQResource.ManagementEndpointName, url => url.DisplayText = "Management UI (guest/guest)")
            .WithUrlForEndpoint(LocalRabbitMQResource.EndpointName, url => url.DisplayLocation = UrlDisplayLocation.DetailsOnly)
            .WithUrlForEndpoint(LocalRabbitMQResource.DistributionEndpointName, url => url.DisplayLocation = UrlDisplayLocation.DetailsOnly)
            .WithEnvironment(context =>
            {
                var env = context.EnvironmentVariables;
                env["HOME"] = home;
                env["RUNNING_UNDER_SYSTEMD"] = "true";
                env["ERL_EPMD_PORT"] = epmd.PrimaryEndpoint.Property(EndpointProperty.TargetPort);
                env["ERL_EPMD_ADDRESS"] = "127.0.0.1";
                env["RABBITMQ_NODENAME"] = node;
                env["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
                env["RABBITMQ_NODE_PORT"] = resource.PrimaryEndpoint.Property(EndpointProperty.TargetPort);
                env["RABBITMQ_DIST_PORT"] = new EndpointReference(resource, LocalRabbitMQResource.DistributionEndpointName).Property(EndpointProperty.TargetPort);
                env["RABBITMQ_MNESIA_BASE"] = Path.Combine(root, "mnesia");
                env["RABBITMQ_LOG_BASE"] = Path.Combine(root, "log");
                env["RABBITMQ_LOGS"] = "-";
                env["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(root, "enabled_plugins");
                env["RABBITMQ_CONFIG_FILE"] = Path.Combine(root, "rabbitmq");
                env["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(root, "advanced.config");
                env["RABBITMQ_PID_FILE"] = Path.Combine(root, "rabbitmq.pid");
                // The management listener and the Erlang distribution on loopback only; today's default is 0.0.0.0.
                env["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = ReferenceExpression.Create(
                    $"-rabbitmq_management tcp_config [{{ip,\"127.0.0.1\"}},{{port,{resource.ManagementEndpoint.Property(EndpointProperty.TargetPort)}}}] -kernel inet_dist_use_interface {{127,0,0,1}}");
            })
            .WaitFor(epmdBuilder)
            .WithHealthCheck(healthCheck)
            .WithIconName("Mail")
            .WithRestartOnCrash();
    }
}
