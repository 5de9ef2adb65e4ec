using Paradiplomacy.ServiceDefaults.Data;

namespace Paradiplomacy.Funding.Data;

public sealed class FundingDbContextFactory : DesignTimeDbContextFactory<FundingDbContext>;
