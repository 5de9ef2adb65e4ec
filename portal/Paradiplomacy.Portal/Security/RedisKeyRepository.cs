using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using StackExchange.Redis;

namespace Paradiplomacy.Portal.Security;

/// <summary>The portal's data-protection keys (they seal its sign-in cookies and antiforgery tokens) in Redis, so that
/// every replica opens what another sealed and a restart signs no one out.</summary>
public sealed class RedisKeyRepository(IConnectionMultiplexer redis) : IXmlRepository
{
    private static readonly RedisKey Key = "portal:data-protection-keys";

    public IReadOnlyCollection<XElement> GetAllElements() =>
        redis.GetDatabase().ListRange(Key).Select(value => XElement.Parse(value.ToString())).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        redis.GetDatabase().ListRightPush(Key, element.ToString(SaveOptions.DisableFormatting));
}
