using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Paradiplomacy.HostDefaults.Security;

/// <summary>JWT validation that remembers the tokens it accepted, for at most <see cref="Remembered"/> and
/// never past their expiry. A client sends the same token with every call, and checking its RSA
/// signature and parsing its claims again was most of the CPU of a cached read (profiled). Only
/// accepted tokens are kept, by their exact text; each caller gets its own copy of the identity.</summary>
public sealed class RememberingTokenHandler(TimeProvider clock) : JsonWebTokenHandler
{
    /// <summary>Short, so that a signing key the authority withdraws stops being honoured soon.</summary>
    public static readonly TimeSpan Remembered = TimeSpan.FromMinutes(2);

    private const int Capacity = 20_000;

    private readonly ConcurrentDictionary<string, Accepted> _accepted = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow();
        if (_accepted.TryGetValue(token, out var accepted))
        {
            if (accepted.Until > now)
            {
                return Copy(accepted.Result);
            }
            _accepted.TryRemove(token, out _);
        }
        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { } validated)
        {
            if (_accepted.Count >= Capacity)
            {
                Forget(now);
            }
            var expires = new DateTimeOffset(DateTime.SpecifyKind(validated.ValidTo, DateTimeKind.Utc));
            // A copy: the caller's identity is its own to add to.
            _accepted[token] = new Accepted(Copy(result), expires < now + Remembered ? expires : now + Remembered);
        }
        return result;
    }

    /// <summary>Drops what has expired; if every entry is still current (a flood of distinct tokens), all of them.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var (token, entry) in _accepted)
        {
            if (entry.Until <= now)
            {
                _accepted.TryRemove(token, out _);
            }
        }
        if (_accepted.Count >= Capacity)
        {
            _accepted.Clear();
        }
    }

    private static TokenValidationResult Copy(TokenValidationResult result) => new()
    {
        IsValid = true,
        ClaimsIdentity = result.ClaimsIdentity.Clone(),
        SecurityToken = result.SecurityToken,
        TokenType = result.TokenType,
        Issuer = result.Issuer,
        TokenContext = result.TokenContext,
    };

    private sealed record Accepted(TokenValidationResult Result, DateTimeOffset Until);
}
