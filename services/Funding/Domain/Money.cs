using System.Globalization;
using System.Numerics;
using System.Text.Json.Serialization;

namespace Paradiplomacy.Funding.Domain;

/// <summary>An exact amount: an integer count of the currency's minor units (sen, cents; yen have none).</summary>
public readonly record struct Money(long Minor, string Currency)
{
    public static Money Idr(long minor) => new(minor, Currencies.Rupiah);

    public Money Negate() => this with { Minor = -Minor };

    /// <summary>The amount in major units, exactly: 1500000.00 rupiah, 1200 yen.</summary>
    [JsonIgnore]
    public decimal Major => Minor / Pow10(Currencies.Exponent(Currency));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Currency} {Major.ToString("F" + Currencies.Exponent(Currency), CultureInfo.InvariantCulture)}");

    /// <summary>Minor units from google.type.Money's units and nanos; null when the nanos hold more
    /// precision than the currency has, or the value does not fit.</summary>
    public static long? MinorOf(long units, int nanos, string currency)
    {
        var exponent = Currencies.Exponent(currency);
        var nanosPerMinor = (int)Math.Pow(10, 9 - exponent);
        if (nanos % nanosPerMinor != 0 || (units > 0 && nanos < 0) || (units < 0 && nanos > 0))
        {
            return null;
        }
        var minor = (BigInteger)units * BigInteger.Pow(10, exponent) + nanos / nanosPerMinor;
        return minor > long.MaxValue || minor < long.MinValue ? null : (long)minor;
    }

    /// <summary>google.type.Money's units and nanos of this amount.</summary>
    public (long Units, int Nanos) ToUnitsAndNanos()
    {
        var exponent = Currencies.Exponent(Currency);
        var scale = (long)Math.Pow(10, exponent);
        return (Minor / scale, (int)(Minor % scale * (long)Math.Pow(10, 9 - exponent)));
    }

    private static decimal Pow10(int exponent) => exponent switch { 0 => 1m, 2 => 100m, 3 => 1000m, _ => (decimal)Math.Pow(10, exponent) };
}
