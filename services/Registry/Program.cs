using Paradiplomacy.Registry.Data;
using Paradiplomacy.Registry.Extensions;
using Paradiplomacy.Registry.Grpc;
using Paradiplomacy.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

await app.MigrateDatabaseAsync<RegistryDbContext>();

app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapGrpcDefaults();
app.MapGrpcService<CityRegistryService>();

await app.RunAsync();

public partial class Program;
