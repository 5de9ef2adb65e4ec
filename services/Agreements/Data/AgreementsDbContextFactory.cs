using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Paradiplomacy.Agreements.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class AgreementsDbContextFactory : IDesignTimeDbContextFactory<AgreementsDbContext>
{
    public AgreementsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AgreementsDbContext>()
            .UseNpgsql("Host=localhost;Database=agreements-db")
            .UseSnakeCaseNamingConvention()
            .Options);
}
