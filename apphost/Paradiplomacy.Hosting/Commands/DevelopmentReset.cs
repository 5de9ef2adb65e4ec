using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using StackExchange.Redis;

namespace Paradiplomacy.Hosting.Commands;

/// <summary>"Reset development data": the state a developer would get from `--fresh`, without restarting
/// the AppHost. The services stop, every service database is dropped and made anew, Redis is flushed,
/// every queue purged, and the services start again (they migrate and load the reference data).</summary>
public static class DevelopmentReset
{
    public static IResourceBuilder<IResourceWithConnectionString> WithDevelopmentReset(this IResourceBuilder<IResourceWithConnectionString> postgres,
        IResourceBuilder<IResourceWithConnectionString> cache, IResourceBuilder<IResourceWithConnectionString> eventbus) =>
        postgres.WithCommand(OperatorCommandExtensions.ResetStateCommand, "Reset development data", async context =>
        {
            var model = context.Services.GetRequiredService<DistributedApplicationModel>();
            var commands = context.Services.GetRequiredService<ResourceCommandService>();
            var logger = context.Services.GetRequiredService<ResourceLoggerService>().GetLogger(postgres.Resource);
            var services = model.Resources.OfType<ProjectResource>().ToList();
            foreach (var service in services)
            {
                await commands.ExecuteCommandAsync(service, KnownResourceCommands.StopCommand, context.CancellationToken);
            }
            try
            {
                await RecreateDatabasesAsync(postgres.Resource, model, logger, context.CancellationToken);
                await FlushCacheAsync(cache.Resource, context.CancellationToken);
                var purged = await (await BrokerQueues.OfAsync(eventbus.Resource, context.CancellationToken)).PurgeAllAsync(context.CancellationToken);
                logger.LogInformation("{Count} queue(s) purged", purged);
            }
            finally
            {
                foreach (var service in services)
                {
                    await commands.ExecuteCommandAsync(service, KnownResourceCommands.StartCommand, context.CancellationToken);
                }
            }
            return CommandResults.Success();
        }, new CommandOptions
        {
            Description = "Empties every service database, the cache and the queues, then starts the services again.",
            ConfirmationMessage = "Delete every record of this development system?",
            IconName = "ArrowReset",
            UpdateState = c => c.ResourceSnapshot.State?.Text == KnownResourceStates.Running ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
        });

    private static async Task RecreateDatabasesAsync(IResourceWithConnectionString server, DistributedApplicationModel model, ILogger logger, CancellationToken ct)
    {
        var databases = model.Resources.Select(r => r switch
        {
            Postgres.LocalPostgresDatabaseResource local when local.Parent == server => local.DatabaseName,
            PostgresDatabaseResource container when container.Parent == server => container.DatabaseName,
            _ => null,
        }).OfType<string>().ToList();
        await using var connection = new NpgsqlConnection(await server.GetConnectionStringAsync(ct) + ";Database=postgres");
        await connection.OpenAsync(ct);
        foreach (var database in databases)
        {
            // Names come from the AppHost's own model, never from a caller.
            await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection))
            {
                await drop.ExecuteNonQueryAsync(ct);
            }
            await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection))
            {
                await create.ExecuteNonQueryAsync(ct);
            }
            logger.LogInformation("Database {Database} made anew", database);
        }
    }

    private static async Task FlushCacheAsync(IResourceWithConnectionString cache, CancellationToken ct)
    {
        var options = ConfigurationOptions.Parse(await cache.GetConnectionStringAsync(ct) ?? string.Empty);
        options.AllowAdmin = true;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        foreach (var server in redis.GetServers())
        {
            await server.FlushAllDatabasesAsync();
        }
    }
}
