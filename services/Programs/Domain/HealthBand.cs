namespace Paradiplomacy.Programs.Domain;

/// <summary>A partnership's health in a word.</summary>
public enum HealthBand
{
    Thriving = 1,
    Steady = 2,
    Dormant = 3,
    PaperOnly = 4,
}
