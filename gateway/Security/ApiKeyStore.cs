using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Paradiplomacy.Gateway.Security;

/// <summary>API keys in Redis, shared by every gateway replica: a key's record by id, and the
/// secret's hash pointing to the id. Revoking or rotating deletes the hash entry, so the old secret
/// stops working at once everywhere.</summary>
public sealed class ApiKeyStore(IConnectionMultiplexer redis, IConfiguration configuration)
{
    public const string SecretPrefix = "pdk_";
    private const string Index = "gateway:apikeys";

    private static RedisKey Record(string id) => $"gateway:apikey:{id}";

    private static RedisKey ByHash(string hash) => $"gateway:apikey-by-hash:{hash}";

    /// <summary>"{service}:read" and "{service}:write" for every service of Gateway:Services.</summary>
    public IReadOnlySet<string> KnownScopes { get; } = configuration.GetSection("Gateway:Services").GetChildren()
        .SelectMany(s => new[] { $"{s.Key}:read", $"{s.Key}:write" }).ToHashSet(StringComparer.Ordinal);

    /// <summary>Creates a key; the secret is returned this once.</summary>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(string owner, string role, string? region, IReadOnlyList<string> scopes, int requestsPerMinute)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var key = new ApiKey(id, owner, role, region, scopes, requestsPerMinute, DateTimeOffset.UtcNow, null);
        var secret = NewSecret(id);
        var db = redis.GetDatabase();
        var transaction = db.CreateTransaction();
        _ = transaction.HashSetAsync(Record(id),
        [
            new("owner", owner), new("role", role), new("region", region ?? string.Empty), new("scopes", string.Join(',', scopes)),
            new("rpm", requestsPerMinute), new("created", key.CreatedAt.ToUnixTimeMilliseconds()), new("hash", Hash(secret)),
        ]);
        _ = transaction.StringSetAsync(ByHash(Hash(secret)), id);
        _ = transaction.SetAddAsync(Index, id);
        await transaction.ExecuteAsync();
        return (key, secret);
    }

    public async Task<ApiKey?> FindBySecretAsync(string secret)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }
        var id = await redis.GetDatabase().StringGetAsync(ByHash(Hash(secret)));
        return id.IsNullOrEmpty ? null : await GetAsync(id!);
    }

    public async Task<ApiKey?> GetAsync(string id)
    {
        var fields = (await redis.GetDatabase().HashGetAllAsync(Record(id))).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());
        if (fields.Count == 0)
        {
            return null;
        }
        return new ApiKey(id, fields["owner"], fields["role"], fields["region"] is { Length: > 0 } r ? r : null,
            fields["scopes"].Split(',', StringSplitOptions.RemoveEmptyEntries), int.Parse(fields["rpm"], CultureInfo.InvariantCulture),
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(fields["created"], CultureInfo.InvariantCulture)),
            fields.TryGetValue("revoked", out var revoked) ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(revoked, CultureInfo.InvariantCulture)) : null);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync()
    {
        var ids = await redis.GetDatabase().SetMembersAsync(Index);
        var keys = await Task.WhenAll(ids.Select(id => GetAsync(id!)));
        return keys.OfType<ApiKey>().OrderBy(k => k.CreatedAt).ToList();
    }

    /// <summary>Issues a new secret for the key; the old one stops working now.</summary>
    public async Task<string?> RotateAsync(string id)
    {
        var db = redis.GetDatabase();
        var oldHash = await db.HashGetAsync(Record(id), "hash");
        if (oldHash.IsNullOrEmpty || await db.HashExistsAsync(Record(id), "revoked"))
        {
            return null;
        }
        var secret = NewSecret(id);
        var transaction = db.CreateTransaction();
        _ = transaction.KeyDeleteAsync(ByHash(oldHash!));
        _ = transaction.StringSetAsync(ByHash(Hash(secret)), id);
        _ = transaction.HashSetAsync(Record(id), "hash", Hash(secret));
        await transaction.ExecuteAsync();
        return secret;
    }

    public async Task<bool> RevokeAsync(string id)
    {
        var db = redis.GetDatabase();
        var hash = await db.HashGetAsync(Record(id), "hash");
        if (hash.IsNullOrEmpty)
        {
            return false;
        }
        var transaction = db.CreateTransaction();
        _ = transaction.KeyDeleteAsync(ByHash(hash!));
        _ = transaction.HashSetAsync(Record(id), "revoked", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await transaction.ExecuteAsync();
        return true;
    }

    private static string NewSecret(string id) => $"{SecretPrefix}{id}_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
