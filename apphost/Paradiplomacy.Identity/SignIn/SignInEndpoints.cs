using System.Security.Claims;
using Paradiplomacy.HostDefaults.Security;

namespace Paradiplomacy.Identity.SignIn;

/// <summary>The authorization code flow (with PKCE) that browser clients such as the portal sign people in
/// by, and the end-session endpoint they sign out through.</summary>
public static class SignInEndpoints
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(8);

    public static void MapDevelopmentSignIn(this WebApplication app)
    {
        var allowed = app.Configuration.GetSection("Identity:RedirectUris").Get<string[]>() ?? [];

        app.MapGet("/connect/authorize", (HttpRequest http) =>
        {
            string? Value(string name) => http.Query[name].FirstOrDefault();
            var (request, error) = AuthorizationRequest.Read(Value, allowed);
            return request is null
                ? Results.Content($"<!doctype html><html lang=\"en\"><title>Sign-in refused</title><p role=\"alert\">{System.Net.WebUtility.HtmlEncode(error)}</p></html>", "text/html; charset=utf-8", statusCode: 400)
                : Results.Content(SignInPage.Render(request.Echo(Value), null), "text/html; charset=utf-8");
        });

        app.MapPost("/connect/authorize", (HttpRequest http, AuthorizationCodes codes) =>
        {
            var form = http.Form;
            string? Value(string name) => form[name].FirstOrDefault() is { Length: > 0 } v ? v : null;
            var (request, error) = AuthorizationRequest.Read(Value, allowed);
            if (request is null)
            {
                return Results.Content(error, "text/plain; charset=utf-8", statusCode: 400);
            }
            List<Claim> claims;
            try
            {
                var persona = DevelopmentPersona.All.FirstOrDefault(p => p.Key == Value("persona"));
                claims = persona is not null
                    ? DevelopmentIdentity.Claims(persona.Role, persona.Region, persona.Ministry, persona.Key, persona.Name)
                    : DevelopmentIdentity.Claims(Value("role") ?? string.Empty, Value("region"), Value("ministry"), null, Value("name"));
            }
            catch (ArgumentException ex)
            {
                return Results.Content(SignInPage.Render(request.Echo(Value), ex.Message), "text/html; charset=utf-8", statusCode: 400);
            }
            var code = codes.Issue(request, claims);
            return Results.Redirect(request.RedirectWith(("code", code), ("state", request.State)).ToString());
        });

        app.MapGet("/connect/endsession", (HttpRequest http) =>
        {
            var target = http.Query["post_logout_redirect_uri"].FirstOrDefault();
            if (Uri.TryCreate(target, UriKind.Absolute, out var uri) && (uri.IsLoopback || allowed.Contains(uri.GetLeftPart(UriPartial.Path))))
            {
                var state = http.Query["state"].FirstOrDefault();
                return Results.Redirect(state is null ? uri.ToString() : $"{uri}{(string.IsNullOrEmpty(uri.Query) ? '?' : '&')}state={Uri.EscapeDataString(state)}");
            }
            return Results.Content("<!doctype html><html lang=\"id\"><title>Keluar</title><p>Anda telah keluar. (You are signed out.)</p></html>", "text/html; charset=utf-8");
        });
    }

    /// <summary>grant_type=authorization_code at the token endpoint: the access token for the API and the id token
    /// for the client, for the person who signed in.</summary>
    public static IResult RedeemCode(IFormCollection form, AuthorizationCodes codes, DevelopmentIdentity identity)
    {
        var (request, claims, error) = codes.Redeem(form["code"].ToString(), form["client_id"].ToString(), form["redirect_uri"].ToString(), form["code_verifier"].ToString());
        if (request is null || claims is null)
        {
            return Results.Json(new { error = "invalid_grant", error_description = error }, statusCode: 400);
        }
        return Results.Json(new
        {
            access_token = identity.CreateAccessToken(claims, TokenLifetime),
            id_token = identity.CreateIdToken(claims, request.ClientId, request.Nonce, TokenLifetime),
            token_type = "Bearer",
            expires_in = (int)TokenLifetime.TotalSeconds,
            scope = "openid profile",
        });
    }
}
