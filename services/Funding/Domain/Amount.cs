using System.Text.Json.Serialization;

namespace Paradiplomacy.Funding.Domain;

/// <summary>An amount as given, with its rupiah equivalent at the rate in effect on its date. Both are
/// kept: the original is the fact, the rupiah value what every report adds up; reversing it reverses both.</summary>
public sealed record Amount(Money Original, long IdrMinor, decimal Rate, DateOnly RateDate)
{
    [JsonIgnore]
    public Money Idr => Money.Idr(IdrMinor);

    /// <summary>Converts at <paramref name="rate"/>, rounding half away from zero to the sen.</summary>
    public static Amount At(Money original, ExchangeRate rate)
    {
        if (rate.Currency != original.Currency)
        {
            throw new ArgumentException($"A {rate.Currency} rate does not convert {original.Currency}.", nameof(rate));
        }
        var idr = original.Major * rate.IdrPerUnit * 100m;
        return new Amount(original, (long)decimal.Round(idr, 0, MidpointRounding.AwayFromZero), rate.IdrPerUnit, rate.Date);
    }

    public Amount Negate() => this with { Original = Original.Negate(), IdrMinor = -IdrMinor };
}
