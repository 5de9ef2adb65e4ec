namespace Paradiplomacy.Agreements.Domain;

/// <summary>The clearances PP 28/2018 and Permendagri practice ask of a regional cooperation abroad.</summary>
public enum ClearanceKind
{
    DprdApproval = 1,
    KemendagriClearance = 2,
    KemluConsideration = 3,
}
