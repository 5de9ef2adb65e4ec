namespace Paradiplomacy.Registry.Data;

/// <summary>Registry:ReferenceData. MinPopulation 15000 loads every city of 15,000+ people (about
/// 24,000 abroad); 0 loads all 133,000 GeoNames places the data set has.</summary>
public sealed class ReferenceDataOptions
{
    public string Directory { get; set; } = Path.Combine(AppContext.BaseDirectory, "data");

    public long MinPopulation { get; set; } = 15_000;
}
