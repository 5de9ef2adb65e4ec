using System.Collections.Concurrent;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.Registry.Data;
using Paradiplomacy.ServiceDefaults;
using Paradiplomacy.ServiceDefaults.Messaging;
using RabbitMQ.Client;

namespace Paradiplomacy.Registry.Tests.Integration;

/// <summary>The messaging building block as a consuming service uses it: AddEventBus with a
/// consumer on IdempotentConsumer, against the real broker and database.</summary>
[Collection(RegistryCollection.Name)]
public class InboxConsumerTests(RegistryFixture fixture)
{
    public sealed class CountingConsumer(RegistryDbContext db, ILogger<CountingConsumer> logger)
        : IdempotentConsumer<CityProfileUpdated, RegistryDbContext>(db, logger)
    {
        public static readonly ConcurrentQueue<string> Handled = new();

        protected override Task HandleAsync(CityProfileUpdated message, CancellationToken cancellationToken)
        {
            Handled.Enqueue(message.CityId);
            return Task.CompletedTask;
        }
    }

    public sealed class PoisonConsumer(RegistryDbContext db, ILogger<PoisonConsumer> logger)
        : IdempotentConsumer<CityRegistered, RegistryDbContext>(db, logger)
    {
        private static int _attempts;

        public static int Attempts => _attempts;

        protected override Task HandleAsync(CityRegistered message, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            throw new InvalidOperationException("cannot handle " + message.Name);
        }
    }

    [Fact]
    public async Task A_redelivered_message_is_handled_once_and_a_failing_one_lands_in_the_error_queue()
    {
        using var host = BuildHost();
        await host.StartAsync();
        try
        {
            var bus = host.Services.GetRequiredService<IBus>();
            var duplicate = new CityProfileUpdated("inbox-a", ["traits"], [], [], false, "test", "2");
            var next = new CityProfileUpdated("inbox-b", ["traits"], [], [], false, "test", "2");
            await WaitForConsumerAsync(bus);
            // Warm-up messages prove the queue is bound before the ones that matter are sent.
            for (var i = 0; i < 50 && !CountingConsumer.Handled.Contains("inbox-warm-up"); i++)
            {
                await bus.Publish(new CityProfileUpdated("inbox-warm-up", [], [], [], false, "test", "1"));
                await Task.Delay(200);
            }
            Assert.Contains("inbox-warm-up", CountingConsumer.Handled);

            await bus.Publish(duplicate, ctx => ctx.MessageId = duplicate.Id);
            await bus.Publish(duplicate, ctx => ctx.MessageId = duplicate.Id);
            await bus.Publish(next, ctx => ctx.MessageId = next.Id);
            await bus.Publish(new CityRegistered("inbox-poison", "poison", "JP", "Municipality", "test"));

            // One message at a time, in order: once "inbox-b" is handled, both copies of "inbox-a" were seen.
            await Until(() => CountingConsumer.Handled.Contains("inbox-b"));
            Assert.Equal(1, CountingConsumer.Handled.Count(id => id == "inbox-a"));
            using (var scope = host.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
                Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.MessageId == duplicate.Id));
            }

            var errorQueue = new KebabCaseEndpointNameFormatter("inbox-test", false).Consumer<PoisonConsumer>() + "_error";
            await Until(() => ErrorQueueDepthAsync(errorQueue).Result == 1, TimeSpan.FromSeconds(60));
            Assert.True(PoisonConsumer.Attempts > 1, "the failing message is retried before it is moved aside");
            using (var scope = host.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
                Assert.False(await db.InboxMessages.AnyAsync(m => m.Consumer == nameof(PoisonConsumer)), "a failed message is not remembered as processed");
            }
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:registry-db"] = fixture.ConnectionString("registry-db");
        builder.Configuration["ConnectionStrings:eventbus"] = fixture.ConnectionString("eventbus");
        builder.AddServiceDatabase<RegistryDbContext>("registry-db");
        builder.AddEventBus<RegistryDbContext>("inbox-test", bus =>
        {
            bus.AddConsumer<CountingConsumer>(c => c.ConcurrentMessageLimit = 1);
            bus.AddConsumer<PoisonConsumer>();
        });
        return builder.Build();
    }

    private static async Task WaitForConsumerAsync(IBus bus)
    {
        // The receive endpoint is bound once the bus reports itself ready.
        var health = await Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                if (bus is IBusControl control && control.CheckHealth().Status == BusHealthStatus.Healthy)
                {
                    return true;
                }
                await Task.Delay(100);
            }
            return false;
        });
        Assert.True(health, "the test bus did not become healthy");
    }

    private async Task<uint> ErrorQueueDepthAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(fixture.ConnectionString("eventbus")) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }

    private static async Task Until(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not met in time");
            }
            await Task.Delay(100);
        }
    }
}
