using Paradiplomacy.Agreements.Data;
using Paradiplomacy.Agreements.Extensions;
using Paradiplomacy.Agreements.Grpc;
using Paradiplomacy.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();
var app = builder.Build();
app.MapGrpcService<AgreementsService>();
await app.RunServiceAsync<AgreementsDbContext>();

public partial class Program;
