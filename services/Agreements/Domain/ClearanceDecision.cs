namespace Paradiplomacy.Agreements.Domain;

public enum ClearanceDecision
{
    Approved = 1,
    /// <summary>Sent back with comments: the dossier returns to draft.</summary>
    Returned = 2,
    Rejected = 3,
}
