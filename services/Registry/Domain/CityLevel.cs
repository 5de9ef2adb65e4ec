namespace Paradiplomacy.Registry.Domain;

/// <summary>What kind of government a city is. Indonesia's three levels come from Kemendagri; abroad
/// a subdivision (state, prefecture, province) or a municipality.</summary>
public enum CityLevel
{
    Province = 1,
    Regency = 2,
    City = 3,
    Subdivision = 4,
    Municipality = 5,
}
