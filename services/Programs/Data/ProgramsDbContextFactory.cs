using Paradiplomacy.ServiceDefaults.Data;

namespace Paradiplomacy.Programs.Data;

public sealed class ProgramsDbContextFactory : DesignTimeDbContextFactory<ProgramsDbContext>;
