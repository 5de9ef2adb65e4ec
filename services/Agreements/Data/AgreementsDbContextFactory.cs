using Paradiplomacy.ServiceDefaults.Data;

namespace Paradiplomacy.Agreements.Data;

public sealed class AgreementsDbContextFactory : DesignTimeDbContextFactory<AgreementsDbContext>;
