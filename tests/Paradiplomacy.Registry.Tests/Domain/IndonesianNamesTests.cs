using Paradiplomacy.Registry.Domain;

namespace Paradiplomacy.Registry.Tests.Domain;

public class IndonesianNamesTests
{
    [Theory]
    [InlineData("KOTA SURABAYA", "Kota Surabaya")]
    [InlineData("DAERAH ISTIMEWA YOGYAKARTA", "Daerah Istimewa Yogyakarta")]
    [InlineData("DKI JAKARTA", "DKI Jakarta")]
    [InlineData("KABUPATEN TOJO UNA-UNA", "Kabupaten Tojo Una-Una")]
    [InlineData("KABUPATEN PANGKAJENE DAN KEPULAUAN", "Kabupaten Pangkajene dan Kepulauan")]
    [InlineData("KOTA ADM. JAKARTA PUSAT", "Kota Adm. Jakarta Pusat")]
    [InlineData("KEPULAUAN BANGKA BELITUNG", "Kepulauan Bangka Belitung")]
    public void Official_capitals_are_shown_as_people_write_them(string official, string written) =>
        Assert.Equal(written, IndonesianNames.Display(official));

    [Fact]
    public void The_official_form_and_the_short_forms_stay_searchable()
    {
        Assert.Equal(["KABUPATEN BANDUNG", "Kab. Bandung"], IndonesianNames.OtherForms("KABUPATEN BANDUNG", "Kabupaten Bandung"));
        Assert.Equal(["DAERAH ISTIMEWA YOGYAKARTA", "DI Yogyakarta"], IndonesianNames.OtherForms("DAERAH ISTIMEWA YOGYAKARTA", "Daerah Istimewa Yogyakarta"));
        Assert.Equal(["DKI JAKARTA", "Daerah Khusus Ibukota Jakarta"], IndonesianNames.OtherForms("DKI JAKARTA", "DKI Jakarta"));
    }
}
