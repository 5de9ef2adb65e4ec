using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Paradiplomacy.ServiceDefaults.Security;

public static class AuthenticationExtensions
{
    public const string DefaultAudience = "paradiplomacy";

    /// <summary>JWT bearer validation against the OIDC authority in Identity:Authority (signing keys
    /// by discovery). Locally the apphost is that authority; in production, the national IdP.</summary>
    public static IHostApplicationBuilder AddDefaultAuthentication(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Identity");
        var authority = section["Authority"];
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = authority;
                options.Audience = section["Audience"] ?? DefaultAudience;
                options.RequireHttpsMetadata = authority is not null && !IsLoopback(authority);
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = ClaimNames.Subject;
                options.TokenValidationParameters.RoleClaimType = ClaimNames.Role;
                options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
            });
        builder.Services.AddAuthorization();
        return builder;
    }

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
