namespace Paradiplomacy.Programs.Domain;

/// <summary>Where an indicator sits in the results chain.</summary>
public enum IndicatorLevel
{
    Output = 1,
    Outcome = 2,
}
