using System.Text;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.ServiceDefaults.Api;

/// <summary>An opaque page token: the offset of the next page, bound to the query and filter that
/// produced it so a token cannot be replayed against another search.</summary>
public static class PageToken
{
    public const string FieldName = "page_token";

    public static string Encode(int offset, string fingerprint) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{offset}|{Hash(fingerprint)}"));

    public static int Decode(string? token, string fingerprint)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|');
            if (parts.Length == 2 && int.TryParse(parts[0], out var offset) && offset >= 0 && parts[1] == Hash(fingerprint))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to the error below.
        }
        throw new ValidationException(FieldName, "is not a token from a previous page of this same query and filter");
    }

    private static string Hash(string value) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];
}
