using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Paradiplomacy.Contracts.Agreements.V1;
using Paradiplomacy.Contracts.Funding.V1;
using Paradiplomacy.Contracts.Meetings.V1;
using Paradiplomacy.Contracts.Programs.V1;
using Paradiplomacy.Contracts.Registry.V1;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Paradiplomacy.HostDefaults;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.Portal.Security;
using StackExchange.Redis;
using Paradiplomacy.Portal.Api;
using Paradiplomacy.Portal.Localization;
using Paradiplomacy.Portal.Map;

namespace Paradiplomacy.Portal.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WorldAtlas>();
        builder.Services.AddScoped<PartnershipMap>();

        builder.AddRedis();
        builder.Services.AddDataProtection().SetApplicationName("paradiplomacy-portal");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new RedisKeyRepository(services.GetRequiredService<IConnectionMultiplexer>())));
        builder.AddSignIn();
        builder.AddLanguages();
        builder.AddGatewayClients();

        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Only the gateway reaches the portal (loopback here, a NetworkPolicy on the cluster), and the identity
            // provider accepts only its configured redirect URIs whatever host a request claims.
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
    }

    /// <summary>People sign in at the OIDC authority (locally the development identity provider) with the
    /// authorization code flow and PKCE; the portal keeps their access token in its cookie and calls the gateway
    /// with it, so every rule of region and audience is the API's, checked there.</summary>
    private static void AddSignIn(this IHostApplicationBuilder builder)
    {
        var authority = builder.Configuration["Identity:Authority"]
            ?? throw new InvalidOperationException("Identity:Authority is not set: the portal signs people in there.");
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = "paradiplomacy.portal";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // Never longer than the access token it carries (8 hours at the development provider).
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = false;
                o.AccessDeniedPath = "/akses-ditolak";
            })
            .AddOpenIdConnect(o =>
            {
                o.Authority = authority;
                o.RequireHttpsMetadata = !new Uri(authority).IsLoopback;
                o.ClientId = builder.Configuration["Portal:ClientId"] ?? "portal";
                o.ClientSecret = builder.Configuration["Portal:ClientSecret"];
                o.ResponseType = "code";
                o.ResponseMode = "query";
                o.UsePkce = true;
                o.SaveTokens = true;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("profile");
                o.TokenValidationParameters.NameClaimType = ClaimNames.Name;
                o.TokenValidationParameters.RoleClaimType = ClaimNames.Role;
                // The sign-in round trip is a top-level navigation on the same site: Lax cookies survive it,
                // and they need no TLS on a developer's loopback.
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        builder.Services.AddAuthorization();
    }

    /// <summary>Bahasa Indonesia unless the person chose English (a cookie set by the language switch): the
    /// browser's own language is not asked, as the issue and the users' offices expect.</summary>
    private static void AddLanguages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            var supported = Languages.All.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new RequestCulture(Languages.Indonesian);
            o.SupportedCultures = supported;
            o.SupportedUICultures = supported;
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
    }

    /// <summary>The five services' gRPC clients, all through the gateway's gRPC port (services:gateway:grpc), each
    /// call carrying the signed-in person's token, or none for the public.</summary>
    private static void AddGatewayClients(this IHostApplicationBuilder builder)
    {
        builder.Services.AddTransient<GatewayTokenHandler>();
        var gateway = new Uri(builder.Configuration["Portal:GatewayGrpc"] ?? "http://_grpc.gateway");
        builder.Services.AddGrpcClient<CityRegistry.CityRegistryClient>(o => o.Address = gateway).AddServiceDiscovery().AddHttpMessageHandler<GatewayTokenHandler>();
        builder.Services.AddGrpcClient<Agreements.AgreementsClient>(o => o.Address = gateway).AddServiceDiscovery().AddHttpMessageHandler<GatewayTokenHandler>();
        builder.Services.AddGrpcClient<Programs.ProgramsClient>(o => o.Address = gateway).AddServiceDiscovery().AddHttpMessageHandler<GatewayTokenHandler>();
        builder.Services.AddGrpcClient<Funding.FundingClient>(o => o.Address = gateway).AddServiceDiscovery().AddHttpMessageHandler<GatewayTokenHandler>();
        builder.Services.AddGrpcClient<Meetings.MeetingsClient>(o => o.Address = gateway).AddServiceDiscovery().AddHttpMessageHandler<GatewayTokenHandler>();
    }
}
