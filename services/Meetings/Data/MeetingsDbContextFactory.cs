using Paradiplomacy.ServiceDefaults.Data;

namespace Paradiplomacy.Meetings.Data;

public sealed class MeetingsDbContextFactory : DesignTimeDbContextFactory<MeetingsDbContext>;
