using Paradiplomacy.HostDefaults.Security;

namespace Paradiplomacy.Gateway.Security;

/// <summary>The operators' API for partner keys: create (the secret is shown once), list, rotate, revoke.</summary>
public static class ApiKeyEndpoints
{
    public sealed record CreateApiKeyRequest(string? Owner, string? Role, string? Region, List<string>? Scopes, int? RequestsPerMinute);

    public static void MapApiKeyEndpoints(this WebApplication app)
    {
        var keys = app.MapGroup("/api/v1/admin/apiKeys").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.User.Identity?.IsAuthenticated != true)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return Results.Json(new { code = 16, message = "Sign in as an operator to manage API keys." }, statusCode: StatusCodes.Status401Unauthorized);
            }
            if (!http.User.IsInRole(Roles.Operator) || http.User.Identity.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName)
            {
                return Results.Json(new { code = 7, message = "Only operators manage API keys." }, statusCode: StatusCodes.Status403Forbidden);
            }
            return await next(context);
        });

        keys.MapPost("", async (CreateApiKeyRequest request, ApiKeyStore store) =>
        {
            var violations = Validate(request, store.KnownScopes);
            if (violations.Count > 0)
            {
                return Results.Json(new
                {
                    code = 3,
                    message = string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")),
                    details = new[] { new Dictionary<string, object> { ["@type"] = "type.googleapis.com/google.rpc.BadRequest", ["fieldViolations"] = violations } },
                }, statusCode: StatusCodes.Status400BadRequest);
            }
            var (key, secret) = await store.CreateAsync(request.Owner!.Trim(), request.Role!, request.Region?.Trim() is { Length: > 0 } r ? r : null,
                request.Scopes!.Distinct().ToList(), request.RequestsPerMinute ?? 600);
            return Results.Json(new { key, secret, note = "Store the secret now: it is not shown again." }, statusCode: StatusCodes.Status201Created);
        });
        keys.MapGet("", async (ApiKeyStore store) => Results.Json(new { keys = await store.ListAsync() }));
        keys.MapPost("/{id}:rotate", async (string id, ApiKeyStore store, GatewayTokenIssuer issuer) =>
        {
            var secret = await store.RotateAsync(id);
            issuer.Forget(id);
            return secret is null
                ? Results.Json(new { code = 5, message = $"No active API key '{id}'." }, statusCode: StatusCodes.Status404NotFound)
                : Results.Json(new { id, secret, note = "The previous secret no longer works." });
        });
        keys.MapPost("/{id}:revoke", async (string id, ApiKeyStore store, GatewayTokenIssuer issuer) =>
        {
            var revoked = await store.RevokeAsync(id);
            issuer.Forget(id);
            return revoked
                ? Results.Json(new { id, revoked = true })
                : Results.Json(new { code = 5, message = $"No API key '{id}'." }, statusCode: StatusCodes.Status404NotFound);
        });
    }

    private static List<FieldViolationDto> Validate(CreateApiKeyRequest request, IReadOnlySet<string> knownScopes)
    {
        var violations = new List<FieldViolationDto>();
        if (string.IsNullOrWhiteSpace(request.Owner) || request.Owner.Length > 200)
        {
            violations.Add(new("owner", "name the partner government or ministry system that holds the key (1-200 characters)"));
        }
        if (request.Role is null || !Roles.All.Contains(request.Role) || request.Role == Roles.Operator)
        {
            violations.Add(new("role", "one of regional-officer, ministry-reviewer, finance-approver, partner (keys are never operators)"));
        }
        if (request.Region is { Length: > 64 })
        {
            violations.Add(new("region", "at most 64 characters: a Kemendagri code, a registry city id, or a ministry"));
        }
        if (request.Scopes is not { Count: > 0 } || request.Scopes.Any(s => !knownScopes.Contains(s)))
        {
            violations.Add(new("scopes", $"one or more of {string.Join(", ", knownScopes.Order())}"));
        }
        if (request.RequestsPerMinute is < 1 or > 100_000)
        {
            violations.Add(new("requestsPerMinute", "between 1 and 100000"));
        }
        return violations;
    }

    public sealed record FieldViolationDto(string Field, string Description);
}
