using Paradiplomacy.Agreements.Data;
using Paradiplomacy.Agreements.Extensions;
using Paradiplomacy.Agreements.Grpc;
using Paradiplomacy.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

await app.MigrateDatabaseAsync<AgreementsDbContext>();

app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapGrpcDefaults();
app.MapGrpcService<AgreementsService>();

await app.RunAsync();

public partial class Program;
