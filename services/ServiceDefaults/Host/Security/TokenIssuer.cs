using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Paradiplomacy.HostDefaults.Security;

/// <summary>The iss claim of a JWT, read from its payload without validating anything: only to pick the
/// authentication scheme that will validate it. Cheaper than parsing the whole token, which every
/// call did before its real validation (profiled).</summary>
public static class TokenIssuer
{
    private const int MaxPayload = 16 * 1024;

    public static string? Of(string authorization)
    {
        const string prefix = "Bearer ";
        if (!authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var token = authorization.AsSpan(prefix.Length).Trim();
        var first = token.IndexOf('.');
        var second = first < 0 ? -1 : token[(first + 1)..].IndexOf('.');
        if (second < 0)
        {
            return null;
        }
        var payload = token.Slice(first + 1, second);
        if (payload.Length > MaxPayload)
        {
            return null;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(payload.Length));
        try
        {
            if (Base64Url.DecodeFromChars(payload, buffer, out _, out var written) != OperationStatus.Done)
            {
                return null;
            }
            return Issuer(buffer.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string? Issuer(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isIssuer = reader.ValueTextEquals("iss"u8);
                reader.Read();
                if (isIssuer)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                reader.Skip();
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
