using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Paradiplomacy.ServiceDefaults.Data;

/// <summary>Lets `dotnet ef migrations add` build a service's model without starting the service:
/// each service declares <c>sealed class XDbContextFactory : DesignTimeDbContextFactory&lt;XDbContext&gt;;</c>.</summary>
public abstract class DesignTimeDbContextFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : ServiceDbContext
{
    public TContext CreateDbContext(string[] args) =>
        (TContext)Activator.CreateInstance(typeof(TContext), new DbContextOptionsBuilder<TContext>()
            .UseNpgsql($"Host=localhost;Database={typeof(TContext).Name}")
            .UseSnakeCaseNamingConvention()
            .Options)!;
}
