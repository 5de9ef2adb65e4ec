namespace Paradiplomacy.Contracts;

/// <summary>The one controlled list of fields of cooperation, shared by the registry, agreements
/// and programs so that a field means the same everywhere.</summary>
public static class CooperationFields
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "economy", "trade", "investment", "industry", "tourism", "education", "culture",
        "youth_and_sports", "health", "environment", "science_and_technology", "smart_city",
        "maritime", "creative_economy", "governance", "disaster_management", "renewable_energy",
        "agriculture", "urban_planning", "transport",
    };

    public static bool IsKnown(string field) => All.Contains(field);
}
