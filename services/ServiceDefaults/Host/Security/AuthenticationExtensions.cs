using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Paradiplomacy.HostDefaults.Security;

public static class AuthenticationExtensions
{
    public const string DefaultAudience = "paradiplomacy";
    public const string UserScheme = "User";
    public const string GatewayScheme = "Gateway";
    private const string SelectorScheme = "Bearer";

    /// <summary>JWT bearer validation against the OIDC authority in Identity:Authority (signing keys
    /// by discovery). Locally the apphost is that authority; in production, the national IdP.
    /// With Identity:GatewayAuthority set, tokens the gateway mints for API-key callers (partners'
    /// systems) are accepted too, from the gateway's own discovery document; each token goes to the
    /// scheme of its issuer.</summary>
    public static IHostApplicationBuilder AddDefaultAuthentication(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Identity");
        var authority = section["Authority"];
        var gatewayAuthority = section["GatewayAuthority"];
        var audience = section["Audience"] ?? DefaultAudience;

        var authentication = builder.Services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "user or gateway token", options =>
                options.ForwardDefaultSelector = context => gatewayAuthority is not null && TokenIssuer.Of(context.Request.Headers.Authorization.ToString()) == gatewayAuthority
                    ? GatewayScheme
                    : UserScheme)
            .AddJwtBearer(UserScheme, options => Configure(options, authority, audience));
        if (gatewayAuthority is not null)
        {
            authentication.AddJwtBearer(GatewayScheme, options => Configure(options, gatewayAuthority, audience));
        }
        builder.Services.AddAuthorization();
        return builder;
    }

    private static void Configure(JwtBearerOptions options, string? authority, string audience)
    {
        options.Authority = authority;
        options.Audience = audience;
        options.RequireHttpsMetadata = authority is not null && !IsLoopback(authority);
        options.MapInboundClaims = false;
        options.TokenValidationParameters.NameClaimType = ClaimNames.Subject;
        options.TokenValidationParameters.RoleClaimType = ClaimNames.Role;
        options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(new RememberingTokenHandler(TimeProvider.System) { MapInboundClaims = false });
    }

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
