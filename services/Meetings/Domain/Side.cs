namespace Paradiplomacy.Meetings.Domain;

/// <summary>Numbered as the contract's enum.</summary>
public enum Side
{
    Indonesian = 1,
    Foreign = 2,
}
