using Paradiplomacy.HostDefaults;
using Paradiplomacy.Portal.Components;
using Paradiplomacy.Portal.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddHostDefaults();
builder.AddApplicationServices();

var app = builder.Build();

// Behind the gateway: the browser's scheme and host (for sign-in redirects) come from its X-Forwarded headers.
app.UseForwardedHeaders();
app.MapDefaultEndpoints();
app.UseStatusCodePagesWithReExecute("/tidak-ditemukan");
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

// Plain files from wwwroot (the stylesheet): MapStaticAssets answered compressed requests with empty bodies when run from the build output.
app.UseStaticFiles();
app.MapPortalEndpoints();
app.MapRazorComponents<App>();

await app.RunAsync();

public partial class Program;
