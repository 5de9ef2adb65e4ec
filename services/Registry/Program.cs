using Paradiplomacy.Registry.Data;
using Paradiplomacy.Registry.Extensions;
using Paradiplomacy.Registry.Grpc;
using static Paradiplomacy.ServiceDefaults.ServiceExtensions;

await RunServiceAsync<RegistryDbContext, CityRegistryService>(args, builder => builder.AddApplicationServices());
