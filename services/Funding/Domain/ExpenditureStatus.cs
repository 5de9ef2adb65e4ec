namespace Paradiplomacy.Funding.Domain;

/// <summary>An expenditure: booked and awaiting approval, or held as an overrun until an approver allows it; then approved or rejected.</summary>
public enum ExpenditureStatus
{
    Unspecified,
    Recorded,
    OverrunRequested,
    Approved,
    Rejected,
}
