using System.Security.Claims;
using Paradiplomacy.Gateway.Security;
using Paradiplomacy.HostDefaults.Security;

namespace Paradiplomacy.Gateway.Tests;

public class AccessRulesTests
{
    private static readonly RateLimitOptions Limits = new()
    {
        Anonymous = 120,
        PerRole = new() { ["regional-officer"] = 1200, ["partner"] = 600, ["operator"] = 0 },
    };

    private static ClaimsPrincipal User(params string[] roles) =>
        new(new ClaimsIdentity(roles.Select(r => new Claim(ClaimNames.Role, r)).Append(new Claim(ClaimNames.Subject, "u")), "Bearer", ClaimNames.Subject, ClaimNames.Role));

    private static ClaimsPrincipal Key(int rpm, params string[] scopes) =>
        new(new ClaimsIdentity(scopes.Select(s => new Claim(ApiKeyAuthenticationHandler.ScopeClaim, s))
            .Append(new Claim("rpm", rpm.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new Claim(ClaimNames.Subject, "key:1")), ApiKeyAuthenticationHandler.SchemeName, ClaimNames.Subject, ClaimNames.Role));

    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    [Theory]
    [InlineData("GET", "/api/v1/cities", false, false)]
    [InlineData("HEAD", "/api/v1/cities", false, false)]
    [InlineData("PATCH", "/api/v1/cities/idn-35.78", false, true)]
    [InlineData("POST", "/api/v1/agreements/agr-1:submit", false, true)]
    [InlineData("POST", "/paradiplomacy.registry.v1.CityRegistry/ListCities", true, false)]
    [InlineData("POST", "/paradiplomacy.registry.v1.CityRegistry/SuggestPartners", true, false)]
    [InlineData("POST", "/paradiplomacy.agreements.v1.Agreements/CountActivePartnerships", true, false)]
    [InlineData("POST", "/paradiplomacy.registry.v1.CityRegistry/UpdateCityProfile", true, true)]
    [InlineData("POST", "/paradiplomacy.agreements.v1.Agreements/SignAgreement", true, true)]
    public void Writes_are_told_from_reads(string method, string path, bool grpc, bool write) =>
        Assert.Equal(write, AccessRules.IsWrite(method, path, grpc));

    [Fact]
    public void Anonymous_callers_read_but_do_not_write()
    {
        Assert.Null(AccessRules.Refusal(Anonymous, "registry", write: false));
        Assert.NotNull(AccessRules.Refusal(Anonymous, "registry", write: true));
    }

    [Fact]
    public void Users_pass_the_gateway_and_are_judged_by_the_services() =>
        Assert.Null(AccessRules.Refusal(User("regional-officer"), "agreements", write: true));

    [Theory]
    [InlineData("registry:read", "registry", false, true)]
    [InlineData("registry:read", "registry", true, false)]
    [InlineData("registry:write", "registry", false, true)]
    [InlineData("registry:write", "registry", true, true)]
    [InlineData("registry:write", "agreements", false, false)]
    [InlineData("agreements:read", "registry", false, false)]
    public void Keys_do_what_their_scopes_say(string scope, string service, bool write, bool allowed) =>
        Assert.Equal(allowed, AccessRules.Refusal(Key(10, scope), service, write) is null);

    [Fact]
    public void Rates_come_from_the_key_the_roles_or_the_anonymous_default()
    {
        Assert.Equal(120, AccessRules.LimitFor(Anonymous, Limits));
        Assert.Equal(7, AccessRules.LimitFor(Key(7, "registry:read"), Limits));
        Assert.Equal(1200, AccessRules.LimitFor(User("partner", "regional-officer"), Limits));
        Assert.Equal(0, AccessRules.LimitFor(User("operator", "partner"), Limits));
        Assert.Equal(120, AccessRules.LimitFor(User("unknown-role"), Limits));
    }
}
