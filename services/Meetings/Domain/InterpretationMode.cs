namespace Paradiplomacy.Meetings.Domain;

/// <summary>Numbered as the contract's enum.</summary>
public enum InterpretationMode
{
    Simultaneous = 1,
    Consecutive = 2,
}
