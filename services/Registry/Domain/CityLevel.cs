namespace Paradiplomacy.Registry.Domain;

/// <summary>What kind of government a city is. Indonesia's three levels come from Kemendagri; abroad
/// a subdivision (state, prefecture, province) or a municipality.</summary>
public enum CityLevel
{
    // The contract's numbers: 0 is its unspecified value.
    Province = 1,
    Regency,
    City,
    Subdivision,
    Municipality,
}
