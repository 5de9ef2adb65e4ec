using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Paradiplomacy.Hosting.Commands;

/// <summary>Operator actions in the Aspire dashboard's resource menu.</summary>
public static class OperatorCommandExtensions
{
    public const string ReplayErrorQueueCommand = "replay-error-queue";
    public const string ResetStateCommand = "reset-development-state";

    /// <summary>"Replay error queue" on a service: its parked messages go back to their consumers.</summary>
    public static IResourceBuilder<T> WithErrorQueueReplay<T>(this IResourceBuilder<T> service, IResourceBuilder<IResourceWithConnectionString> eventbus)
        where T : IResourceWithEndpoints
    {
        return service.WithCommand(ReplayErrorQueueCommand, "Replay error queue", async context =>
        {
            var logger = context.Services.GetRequiredService<ResourceLoggerService>().GetLogger(service.Resource);
            try
            {
                var queues = await BrokerQueues.OfAsync(eventbus.Resource, context.CancellationToken);
                var moved = 0;
                foreach (var (name, messages) in await queues.ListAsync(service.Resource.Name, context.CancellationToken))
                {
                    if (messages > 0)
                    {
                        var count = await queues.ReplayAsync(name, context.CancellationToken);
                        logger.LogInformation("Replayed {Count} message(s) from {Queue}", count, name);
                        moved += count;
                    }
                }
                return moved == 0
                    ? CommandResults.Failure($"No message waits in an error queue of {service.Resource.Name}.")
                    : CommandResults.Success();
            }
            catch (Exception ex) when (ex is HttpRequestException or global::RabbitMQ.Client.Exceptions.BrokerUnreachableException or InvalidOperationException)
            {
                return CommandResults.Failure($"The broker did not answer: {ex.Message}");
            }
        }, new CommandOptions
        {
            Description = "Moves the messages this service's consumers failed on back to their queues, after a fix.",
            IconName = "ArrowRepeatAll",
            UpdateState = c => c.ResourceSnapshot.State?.Text == KnownResourceStates.Running ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
        });
    }
}
