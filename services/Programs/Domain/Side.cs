namespace Paradiplomacy.Programs.Domain;

/// <summary>Which party a participant comes from.</summary>
public enum Side
{
    Indonesian = 1,
    Foreign = 2,
}
