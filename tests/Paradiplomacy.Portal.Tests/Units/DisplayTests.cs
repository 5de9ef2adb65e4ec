using System.Globalization;
using Paradiplomacy.Portal.Formatting;

namespace Paradiplomacy.Portal.Tests.Units;

public class DisplayTests
{
    [Theory]
    [InlineData("id-ID", "IDR", 1_500_000, 0, "Rp 1.500.000,00")]
    [InlineData("en-GB", "IDR", 1_500_000, 0, "Rp 1,500,000.00")]
    [InlineData("id-ID", "EUR", 6_000, 500_000_000, "EUR 6.000,50")]
    [InlineData("id-ID", "IDR", -250_000, 0, "−Rp 250.000,00")]
    public void Money_is_written_as_the_locale_writes_it(string culture, string currency, long units, int nanos, string expected)
    {
        using var _ = new CultureScope(culture);
        Assert.Equal(expected, Display.Money(new Google.Type.Money { CurrencyCode = currency, Units = units, Nanos = units < 0 ? -nanos : nanos }));
    }

    [Fact]
    public void Dates_are_written_in_the_readers_language_and_times_in_Indonesias_zone_names()
    {
        using (new CultureScope("id-ID"))
        {
            Assert.Equal("4 Desember 2026", Display.Date(new Google.Type.Date { Year = 2026, Month = 12, Day = 4 }));
            var moment = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(new DateTime(2026, 12, 18, 7, 0, 0, DateTimeKind.Utc));
            Assert.Equal("Jumat, 18 Desember 2026 14.00 WIB", Display.Time(moment, "Asia/Jakarta"));
            Assert.EndsWith("15.00 WITA", Display.Time(moment, "Asia/Makassar"), StringComparison.Ordinal);
            Assert.EndsWith("16.00 WIT", Display.Time(moment, "Asia/Jayapura"), StringComparison.Ordinal);
            Assert.EndsWith("UTC+09:00", Display.Time(moment, "Asia/Seoul"), StringComparison.Ordinal);
        }
        using (new CultureScope("en-GB"))
        {
            Assert.Equal("4 December 2026", Display.Date(new Google.Type.Date { Year = 2026, Month = 12, Day = 4 }));
        }
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo previous = CultureInfo.CurrentCulture;
        private readonly CultureInfo previousUi = CultureInfo.CurrentUICulture;

        public CultureScope(string culture)
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }
}
