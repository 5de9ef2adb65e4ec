using Paradiplomacy.Funding.Data;
using Paradiplomacy.Funding.Extensions;
using Paradiplomacy.Funding.Grpc;
using static Paradiplomacy.ServiceDefaults.ServiceExtensions;

await RunServiceAsync<FundingDbContext, FundingService>(args, builder => builder.AddApplicationServices());
