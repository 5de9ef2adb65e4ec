using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Paradiplomacy.Contracts.Registry.V1;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>Partners through the gateway: API keys with scopes and quotas, revocation, rate limits,
/// documentation, and a client written in another language.</summary>
[Collection(SystemCollection.Name)]
public class PartnerAccessTests(SystemFixture fixture)
{
    private async Task<(string Id, string Secret)> CreateKeyAsync(object request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/apiKeys") { Content = JsonContent.Create(request) };
        message.Headers.Authorization = new("Bearer", fixture.Token("operator"));
        using var response = await fixture.Gateway.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        using var json = JsonDocument.Parse(body);
        return (json.RootElement.GetProperty("key").GetProperty("id").GetString()!, json.RootElement.GetProperty("secret").GetString()!);
    }

    private async Task<HttpResponseMessage> WithKeyAsync(HttpMethod method, string path, string key, object? body = null)
    {
        using var message = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        message.Headers.Add("X-Api-Key", key);
        return await fixture.Gateway.SendAsync(message);
    }

    [Fact]
    public async Task A_partner_key_edits_its_own_city_only_within_its_scopes_and_stops_at_once_when_revoked()
    {
        var (id, secret) = await CreateKeyAsync(new { owner = "Busan Metropolitan City", role = "partner", region = "gn-1838524", scopes = new[] { "registry:write" }, requestsPerMinute = 1000 });

        using var own = await WithKeyAsync(HttpMethod.Patch, "/api/v1/cities/gn-1838524", secret, new { profile = new { traits = new[] { "port_city" } }, updateMask = "traits" });
        using var other = await WithKeyAsync(HttpMethod.Patch, "/api/v1/cities/gn-2644210", secret, new { profile = new { traits = new[] { "port_city" } }, updateMask = "traits" });
        using var noScope = await WithKeyAsync(HttpMethod.Post, "/api/v1/agreements", secret, new { });
        using var noScopeRead = await WithKeyAsync(HttpMethod.Get, "/api/v1/agreements", secret);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noScope.StatusCode);
        Assert.Contains("agreements:write", await noScope.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, noScopeRead.StatusCode);

        using var revoke = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/apiKeys/{id}:revoke");
        revoke.Headers.Authorization = new("Bearer", fixture.Token("operator"));
        Assert.Equal(HttpStatusCode.OK, (await fixture.Gateway.SendAsync(revoke)).StatusCode);
        using var after = await WithKeyAsync(HttpMethod.Get, "/api/v1/cities/gn-1838524", secret);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.DoesNotContain(secret, await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotation_replaces_the_secret_and_listing_never_shows_secrets()
    {
        var (id, secret) = await CreateKeyAsync(new { owner = "Kemlu information system", role = "ministry-reviewer", region = "kemlu", scopes = new[] { "agreements:read" } });

        using var rotate = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/apiKeys/{id}:rotate");
        rotate.Headers.Authorization = new("Bearer", fixture.Token("operator"));
        using var rotated = await fixture.Gateway.SendAsync(rotate);
        var fresh = JsonDocument.Parse(await rotated.Content.ReadAsStringAsync()).RootElement.GetProperty("secret").GetString()!;

        Assert.Equal(HttpStatusCode.Unauthorized, (await WithKeyAsync(HttpMethod.Get, "/api/v1/agreements", secret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WithKeyAsync(HttpMethod.Get, "/api/v1/agreements", fresh)).StatusCode);
        using var list = new HttpRequestMessage(HttpMethod.Get, "/api/v1/admin/apiKeys");
        list.Headers.Authorization = new("Bearer", fixture.Token("operator"));
        var listed = await (await fixture.Gateway.SendAsync(list)).Content.ReadAsStringAsync();
        Assert.Contains(id, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(fresh, listed, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_operators_manage_keys_and_bad_requests_name_the_fields()
    {
        using var asOfficer = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/apiKeys") { Content = JsonContent.Create(new { owner = "x", role = "partner", scopes = new[] { "registry:read" } }) };
        asOfficer.Headers.Authorization = new("Bearer", fixture.Token("regional-officer", "35.78"));
        using var anonymous = await fixture.Gateway.PostAsJsonAsync("/api/v1/admin/apiKeys", new { owner = "x" });
        using var bad = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/apiKeys") { Content = JsonContent.Create(new { owner = "", role = "operator", scopes = new[] { "everything" }, requestsPerMinute = 0 }) };
        bad.Headers.Authorization = new("Bearer", fixture.Token("operator"));

        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Gateway.SendAsync(asOfficer)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var badResponse = await fixture.Gateway.SendAsync(bad);
        Assert.Equal(HttpStatusCode.BadRequest, badResponse.StatusCode);
        var body = await badResponse.Content.ReadAsStringAsync();
        foreach (var field in new[] { "owner", "role", "scopes", "requestsPerMinute" })
        {
            Assert.Contains($"\"field\":\"{field}\"", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_key_over_its_quota_gets_429_with_Retry_After_over_REST_and_RESOURCE_EXHAUSTED_over_gRPC()
    {
        var (_, secret) = await CreateKeyAsync(new { owner = "Fort Worth", role = "partner", region = "gn-4691930", scopes = new[] { "registry:read" }, requestsPerMinute = 3 });

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await WithKeyAsync(HttpMethod.Get, "/api/v1/cities/gn-4691930", secret);
            codes.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            }
        }
        var grpc = new CityRegistry.CityRegistryClient(fixture.GatewayGrpc);
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await grpc.GetCityAsync(new GetCityRequest { Id = "gn-4691930" }, new Metadata { { "x-api-key", secret } }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_covers_every_REST_route_of_the_contracts_with_examples_and_auth()
    {
        using var json = JsonDocument.Parse(await fixture.Gateway.GetStringAsync("/openapi/v1.json"));
        var operations = json.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => o.Value.GetProperty("operationId").GetString()!)).ToList();
        var methods = ContractMethods.Reads().Concat(ContractMethods.Writes()).ToList();

        Assert.Equal(methods.Order(StringComparer.Ordinal), operations.Order(StringComparer.Ordinal));
        var schemes = json.RootElement.GetProperty("components").GetProperty("securitySchemes");
        Assert.True(schemes.TryGetProperty("bearer", out _));
        Assert.True(schemes.TryGetProperty("apiKey", out _));
        var create = json.RootElement.GetProperty("paths").GetProperty("/api/v1/agreements").GetProperty("post");
        Assert.Contains("Surabaya", create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").GetRawText(), StringComparison.Ordinal);
        using var docs = await fixture.Gateway.GetAsync("/docs/index.html");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }

    [Fact]
    public async Task Anonymous_reads_of_the_public_directory_work_and_an_oversized_body_is_413()
    {
        using var directory = await fixture.Gateway.GetAsync("/api/v1/cities?filter=country%20%3D%20%22ID%22%20AND%20level%20%3D%20PROVINCE&page_size=50");
        using var partnerships = await fixture.Gateway.GetAsync("/api/v1/agreements?filter=status%20%3D%20ACTIVE");
        using var huge = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/cities/idn-35.78") { Content = new ByteArrayContent(new byte[2 * 1024 * 1024]) };
        huge.Content.Headers.ContentType = new("application/json");
        huge.Headers.Authorization = new("Bearer", fixture.Token("regional-officer", "35.78"));

        Assert.Equal(HttpStatusCode.OK, directory.StatusCode);
        Assert.Equal(38, JsonDocument.Parse(await directory.Content.ReadAsStringAsync()).RootElement.GetProperty("cities").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, partnerships.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await fixture.Gateway.SendAsync(huge)).StatusCode);
    }

    [Fact]
    public async Task A_Node_client_with_an_API_key_calls_the_system_over_gRPC_from_the_contracts()
    {
        var (_, secret) = await CreateKeyAsync(new { owner = "Liverpool City Council", role = "partner", region = "gn-2644210", scopes = new[] { "registry:write" } });
        var nodeClient = Path.Combine(Hosting.RepositoryRoot.Find(), "tests", "node-client");
        var nuget = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var commonProtos = Directory.GetDirectories(Path.Combine(nuget, "google.api.commonprotos")).Order().Last();
        var info = new ProcessStartInfo("node", "client.mjs") { WorkingDirectory = nodeClient, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["GATEWAY_GRPC"] = new Uri(fixture.GatewayGrpc.Target.StartsWith("http", StringComparison.Ordinal) ? fixture.GatewayGrpc.Target : "http://" + fixture.GatewayGrpc.Target).Authority;
        info.Environment["API_KEY"] = secret;
        info.Environment["CITY_ID"] = "gn-2644210";
        info.Environment["PROTO_INCLUDE"] = Path.Combine(commonProtos, "content", "protos");

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, errors);
        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(r => r.GetProperty("method").GetString()!);
        Assert.Equal(0, results["listCities"].GetProperty("code").GetInt32());
        Assert.Contains("gn-1857910", results["listCities"].GetProperty("ids").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(0, results["updateCityProfile"].GetProperty("code").GetInt32());
        Assert.Equal((int)StatusCode.PermissionDenied, results["updateOtherCity"].GetProperty("code").GetInt32());
        Assert.Equal((int)StatusCode.PermissionDenied, results["createAgreement"].GetProperty("code").GetInt32());
    }
}
