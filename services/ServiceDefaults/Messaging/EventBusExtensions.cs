using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Paradiplomacy.ServiceDefaults.Data;

namespace Paradiplomacy.ServiceDefaults.Messaging;

public static class EventBusExtensions
{
    public const string ConnectionName = "eventbus";

    /// <summary>MassTransit over RabbitMQ (ConnectionStrings:eventbus, an amqp:// URI), the outbox relay
    /// for <typeparamref name="TContext"/>, and retry-then-error-queue for every consumer.
    /// Queues are named after the service so its replicas compete on them; EventBus:QueueType "quorum"
    /// declares them as quorum queues (a broker cluster), "classic" (the default) as classic ones.</summary>
    public static IHostApplicationBuilder AddEventBus<TContext>(this IHostApplicationBuilder builder,
        string serviceName, Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TContext : ServiceDbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not set.");
        var uri = new Uri(connectionString);
        var queueType = builder.Configuration["EventBus:QueueType"] ?? "classic";
        if (queueType is not ("classic" or "quorum"))
        {
            throw new InvalidOperationException($"EventBus:QueueType is \"{queueType}\"; it must be \"classic\" or \"quorum\".");
        }

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            configureConsumers?.Invoke(bus);
            if (queueType == "quorum")
            {
                // On a clustered broker each service queue is replicated over its nodes (Raft), so losing one
                // node loses no event. A queue keeps the type it was declared with: switching needs new queues.
                bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
                {
                    if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                    {
                        rabbit.SetQuorumQueue();
                    }
                });
            }
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(uri.Host, (ushort)(uri.IsDefaultPort ? 5672 : uri.Port), Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } vhost ? vhost : "/", host =>
                {
                    var credentials = uri.UserInfo.Split(':', 2);
                    host.Username(Uri.UnescapeDataString(credentials[0] is { Length: > 0 } user ? user : "guest"));
                    host.Password(Uri.UnescapeDataString(credentials.Length > 1 ? credentials[1] : "guest"));
                    host.PublisherConfirmation = true;
                });
                rabbit.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(300)));
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        return builder;
    }
}
