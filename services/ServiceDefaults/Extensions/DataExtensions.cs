using Medallion.Threading;
using Medallion.Threading.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Paradiplomacy.ServiceDefaults.Data;
using Paradiplomacy.ServiceDefaults.Health;
using Paradiplomacy.ServiceDefaults.Messaging;

namespace Paradiplomacy.ServiceDefaults;

public static class DataExtensions
{
    /// <summary>The service's own PostgreSQL database (ConnectionStrings:<paramref name="connectionName"/>),
    /// its DbContext (snake_case names, the outbox signal), the same context as the
    /// <see cref="ServiceDbContext"/> the write path uses, advisory locks for singleton jobs, and a health
    /// check that queries it.</summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : ServiceDbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not set.");
        var dataSource = new NpgsqlDataSourceBuilder(connectionString)
            .EnableDynamicJson()
            // Only queries made for a request or a message are traced; the relay's idle polling would
            // otherwise fill the trace list with one-span traces.
            .ConfigureTracing(tracing => tracing.ConfigureCommandFilter(_ => System.Diagnostics.Activity.Current is not null))
            .Build();
        builder.Services.AddSingleton(dataSource);
        // Singleton jobs' locks (one pass across replicas) live in the database the jobs work on.
        builder.Services.AddSingleton<IDistributedLockProvider>(new PostgresDistributedSynchronizationProvider(dataSource));
        builder.Services.AddSingleton<OutboxSignal>();
        // Pooled: a context and its options are built once and reset between calls. Built per call, they
        // were a sixth of the CPU of a cached read (profiled), which never touches the database.
        builder.Services.AddDbContextPool<TContext>((sp, options) => options
            // An aggregate with several child tables (a program's participants, indicators, actuals) loads
            // them in one query each rather than as their cartesian product.
            .UseNpgsql(dataSource, npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(sp.GetRequiredService<OutboxSignal>()));
        builder.Services.AddScoped<ServiceDbContext>(sp => sp.GetRequiredService<TContext>());
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres");
        return builder;
    }
}
