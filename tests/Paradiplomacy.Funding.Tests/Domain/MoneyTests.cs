using Paradiplomacy.Funding.Domain;
using Paradiplomacy.Funding.Queries;
using static Paradiplomacy.Funding.Tests.Domain.TestFunding;

namespace Paradiplomacy.Funding.Tests.Domain;

public class MoneyTests
{
    [Theory]
    [InlineData("EUR", 12L, 340_000_000, 1234L)]
    [InlineData("IDR", 1_500_000L, 0, 150_000_000L)]
    [InlineData("JPY", 120_000L, 0, 120_000L)]
    [InlineData("KWD", 5L, 125_000_000, 5125L)]
    [InlineData("EUR", -3L, -500_000_000, -350L)]
    public void Google_money_becomes_exact_minor_units(string currency, long units, int nanos, long minor)
    {
        Assert.Equal(minor, Money.MinorOf(units, nanos, currency));
        Assert.Equal((units, nanos), new Money(minor, currency).ToUnitsAndNanos());
    }

    [Theory]
    [InlineData("EUR", 1L, 5_000_000)]
    [InlineData("JPY", 100L, 500_000_000)]
    [InlineData("IDR", 1L, -10_000_000)]
    [InlineData("IDR", long.MaxValue, 0)]
    public void Precision_the_currency_does_not_have_or_a_value_that_does_not_fit_is_refused(string currency, long units, int nanos) =>
        Assert.Null(Money.MinorOf(units, nanos, currency));

    [Fact]
    public void ISO_4217_codes_are_known_with_their_minor_units()
    {
        Assert.Equal((2, 2, 0, 0, 3), (Currencies.Exponent("IDR"), Currencies.Exponent("EUR"), Currencies.Exponent("JPY"), Currencies.Exponent("KRW"), Currencies.Exponent("KWD")));
        Assert.False(Currencies.IsKnown("XYZ"));
        Assert.False(Currencies.IsKnown("eur"));
        Assert.False(Currencies.IsKnown("XAU"));
    }

    [Fact]
    public void Conversion_uses_the_dated_rate_exactly_and_rounds_half_away_from_zero_to_the_sen()
    {
        // EUR 1,234.57 at Rp 17,250.35 = Rp 21,296,764.60... exactly 21,296,765.0  (1234.57 × 17250.35 = 21296765.5... rounded)
        var amount = Amount.At(new Money(123_457, "EUR"), Rate("EUR", 17250.35m));
        Assert.Equal((long)decimal.Round(1234.57m * 17250.35m * 100m, 0, MidpointRounding.AwayFromZero), amount.IdrMinor);
        Assert.Equal((17250.35m, Today), (amount.Rate, amount.RateDate));
        // Half a sen rounds up: JPY 1 at Rp 105.005 is Rp 105.01.
        Assert.Equal(10_501, Amount.At(new Money(1, "JPY"), Rate("JPY", 105.005m)).IdrMinor);
        Assert.Equal(-10_501, Amount.At(new Money(1, "JPY"), Rate("JPY", 105.005m)).Negate().IdrMinor);
        Assert.Throws<ArgumentException>(() => Amount.At(new Money(1, "USD"), Rate("EUR", 1m)));
        // Rupiah are rupiah on any date.
        Assert.Equal(150_000_000, Amount.At(Money.Idr(150_000_000), ExchangeRate.Par(Today)).IdrMinor);
    }

    [Fact]
    public void Reports_in_another_currency_convert_rupiah_at_the_rate_of_the_report_date()
    {
        Assert.Equal(new Money(100_000, "EUR"), FundingReports.Convert(1_725_035_000, Rate("EUR", 17250.35m)));
        Assert.Equal(new Money(9_524, "JPY"), FundingReports.Convert(1_000_000_00, Rate("JPY", 105m)));
        Assert.Equal(Money.Idr(42), FundingReports.Convert(42, ExchangeRate.Par(Today)));
    }
}
