using Paradiplomacy.Registry.Data;
using Paradiplomacy.Registry.Extensions;
using Paradiplomacy.Registry.Grpc;
using Paradiplomacy.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();
var app = builder.Build();
app.MapGrpcService<CityRegistryService>();
await app.RunServiceAsync<RegistryDbContext>();

public partial class Program;
