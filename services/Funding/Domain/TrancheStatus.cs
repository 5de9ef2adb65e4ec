namespace Paradiplomacy.Funding.Domain;

/// <summary>A tranche: planned, requested by one person, approved by another, then paid.</summary>
public enum TrancheStatus
{
    Unspecified,
    Planned,
    Requested,
    ApprovedForPayment,
    Paid,
}
