using Paradiplomacy.Agreements.Data;
using Paradiplomacy.Agreements.Extensions;
using Paradiplomacy.Agreements.Grpc;
using static Paradiplomacy.ServiceDefaults.ServiceExtensions;

await RunServiceAsync<AgreementsDbContext, AgreementsService>(args, builder => builder.AddApplicationServices());
