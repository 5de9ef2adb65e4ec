namespace Paradiplomacy.Programs.Domain;

/// <summary>Whether a program comes back, and how often (Jogja-Japan Week: every two years).</summary>
public enum Recurrence
{
    OneOff = 1,
    Annual = 2,
    Biennial = 3,
}
