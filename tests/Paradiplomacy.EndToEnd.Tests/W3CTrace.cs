using System.Security.Cryptography;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>A fresh, sampled W3C trace context, as a caller's tracing would send it.</summary>
internal static class W3CTrace
{
    public static (string TraceId, string TraceParent) NewSampled()
    {
        var traceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return (traceId, $"00-{traceId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}-01");
    }
}
