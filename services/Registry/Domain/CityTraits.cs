namespace Paradiplomacy.Registry.Domain;

/// <summary>The controlled list of traits a region can claim; partner matching compares them, so
/// free text would defeat it.</summary>
public static class CityTraits
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "port_city", "former_capital", "capital", "cultural_heritage", "industrial", "coastal", "island",
        "flood_prone", "tourism_destination", "education_hub", "agricultural", "mountainous", "metropolitan",
        "volcanic", "river_city", "creative_city",
    };
}
