namespace Paradiplomacy.Testing;

/// <summary>A partnership signed before the platform, as a region's officer registers it: one MoU signed by
/// both heads of government on <see cref="SignedOn"/>, in force for <see cref="ValidityMonths"/>.</summary>
public sealed record ExistingAgreement(string Region, string IndonesianCity, string ForeignCity, string Title, string[] Fields, DateOnly SignedOn)
{
    public string Kind { get; init; } = "SISTER_CITY";

    public int ValidityMonths { get; init; } = 60;

    public string Objectives { get; init; } = "Exchanges and training";

    public string Mechanisms { get; init; } = "Annual working visits";

    public string IndonesianSignatory { get; init; } = "Wali Kota";

    public string ForeignSignatory { get; init; } = "Mayor";

    public string Place { get; init; } = "Jakarta";

    public string Source { get; init; } = "Signed MoU kept by Bagian Kerja Sama";

    /// <summary>The body of agreements:registerExisting; with a request id, retrying it registers the agreement once.</summary>
    public object RequestBody(string? requestId = null)
    {
        var signed = new { year = SignedOn.Year, month = SignedOn.Month, day = SignedOn.Day };
        object Signatory(string name) => new { name, title = name, signedOn = signed, place = Place };
        return new
        {
            agreement = new
            {
                kind = Kind, title = Title, indonesianParty = new { cityId = IndonesianCity }, foreignParties = new[] { new { cityId = ForeignCity } },
                fields = Fields, objectives = Objectives, mechanisms = Mechanisms, validityMonths = ValidityMonths,
            },
            instruments = new[]
            {
                new { type = "MEMORANDUM_OF_UNDERSTANDING", indonesianSignatory = Signatory(IndonesianSignatory), foreignSignatory = Signatory(ForeignSignatory) },
            },
            source = Source,
            requestId,
        };
    }
}
