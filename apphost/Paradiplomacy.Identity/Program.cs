using Paradiplomacy.Identity.SignIn;

namespace Paradiplomacy.Identity;

public static class Program
{
    public static int Main(string[] args)
    {
        // `token --role ROLE [--region CODE] [--ministry kemendagri|kemlu] [--subject ID] [--state-dir PATH] [--issuer URL]`
        // prints a development token without the system running: the same key, the same issuer.
        if (args is ["token", .. var tokenArgs])
        {
            return TokenCommand.Run(tokenArgs);
        }

        var builder = WebApplication.CreateBuilder(args);
        var identity = new DevelopmentIdentity(
            builder.Configuration["Identity:StateDirectory"] ?? TokenCommand.DefaultStateDirectory(),
            builder.Configuration["Identity:Issuer"] ?? DevelopmentIdentity.DefaultIssuer);
        builder.Services.AddSingleton(identity);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AuthorizationCodes>();
        builder.Services.AddHealthChecks();

        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(identity.DiscoveryDocument()));
        app.MapGet("/.well-known/jwks.json", () => Results.Json(identity.Jwks()));
        // Development tokens without a sign-in page, for scripts and tests: a token for the role asked for (never in production).
        app.MapDevelopmentSignIn();
        app.MapPost("/connect/token", (HttpRequest request, AuthorizationCodes codes) =>
        {
            var form = request.HasFormContentType ? request.Form : null;
            if (form?["grant_type"].ToString() == "authorization_code")
            {
                return SignInEndpoints.RedeemCode(form, codes, identity);
            }
            try
            {
                var token = identity.CreateToken(form?["role"].ToString() ?? string.Empty, NullIfEmpty(form?["region"]), NullIfEmpty(form?["ministry"]), NullIfEmpty(form?["subject"]));
                return Results.Json(new { access_token = token, token_type = "Bearer", expires_in = 8 * 3600 });
            }
            catch (ArgumentException ex)
            {
                return Results.Json(new { error = "invalid_request", error_description = ex.Message }, statusCode: 400);
            }
        });
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/alive");
        app.Run();
        return 0;
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues? value) =>
        value is { } v && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;
}
