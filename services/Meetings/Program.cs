using Paradiplomacy.Meetings.Data;
using Paradiplomacy.Meetings.Extensions;
using Paradiplomacy.Meetings.Grpc;
using static Paradiplomacy.ServiceDefaults.ServiceExtensions;

await RunServiceAsync<MeetingsDbContext, MeetingsService>(args, builder => builder.AddApplicationServices());
