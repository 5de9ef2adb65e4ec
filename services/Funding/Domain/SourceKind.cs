namespace Paradiplomacy.Funding.Domain;

/// <summary>Where money comes from: as the contract's SourceKind.</summary>
public enum SourceKind
{
    Unspecified,
    RegionalBudget,
    NationalBudget,
    PartnerGovernment,
    ForeignAgency,
    Private,
}
