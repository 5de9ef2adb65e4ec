namespace Paradiplomacy.Programs.Domain;

/// <summary>How far an SDG roll-up sums: per region, per province, or for the nation.</summary>
public enum RollupLevel
{
    Region = 1,
    Province = 2,
    Nation = 3,
}
