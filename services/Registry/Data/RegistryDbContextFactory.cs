using Paradiplomacy.ServiceDefaults.Data;

namespace Paradiplomacy.Registry.Data;

public sealed class RegistryDbContextFactory : DesignTimeDbContextFactory<RegistryDbContext>;
