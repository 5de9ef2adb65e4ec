using Paradiplomacy.Programs.Data;
using Paradiplomacy.Programs.Extensions;
using Paradiplomacy.Programs.Grpc;
using static Paradiplomacy.ServiceDefaults.ServiceExtensions;

await RunServiceAsync<ProgramsDbContext, ProgramsService>(args, builder => builder.AddApplicationServices());
