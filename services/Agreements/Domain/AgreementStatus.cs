namespace Paradiplomacy.Agreements.Domain;

public enum AgreementStatus
{
    Draft = 1,
    Submitted = 2,
    Cleared = 3,
    Signed = 4,
    Active = 5,
    Expired = 6,
    Terminated = 7,
    Rejected = 8,
    Superseded = 9,
    Withdrawn = 10,
}
