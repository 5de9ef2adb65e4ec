using Paradiplomacy.Registry.Domain;

namespace Paradiplomacy.Registry.Tests.Domain;

public class NameNormalizerTests
{
    [Theory]
    [InlineData("Pécs", "pecs")]
    [InlineData("Kyôto", "kyoto")]
    [InlineData("KOTA SURABAYA", "kota surabaya")]
    [InlineData("  São   Paulo ", "sao paulo")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Al-Quds (Jerusalem)", "al quds jerusalem")]
    [InlineData("Düsseldorf", "dusseldorf")]
    public void Normalize_folds_case_diacritics_and_punctuation(string input, string expected) =>
        Assert.Equal(expected, NameNormalizer.Normalize(input));

    [Fact]
    public void SearchForms_include_every_tail_from_a_word()
    {
        var forms = NameNormalizer.SearchForms("KOTA ADM. JAKARTA PUSAT").ToList();

        Assert.Equal(["kota adm jakarta pusat", "adm jakarta pusat", "jakarta pusat", "pusat"], forms);
    }

    [Fact]
    public void SearchForms_of_blank_name_are_empty() => Assert.Empty(NameNormalizer.SearchForms("  "));
}
