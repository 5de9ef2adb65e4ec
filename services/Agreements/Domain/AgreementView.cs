namespace Paradiplomacy.Agreements.Domain;

/// <summary>How much of an agreement a caller may see.</summary>
public enum AgreementView
{
    /// <summary>Nothing, not even that it exists: answered as NOT_FOUND.</summary>
    None,

    /// <summary>The public facts of a signed partnership (open data): parties, kind, title, fields,
    /// instrument types and dates, status, validity. No contacts, objectives, clearance comments,
    /// signatories, documents or audit.</summary>
    Public,

    /// <summary>A partner of one of its parties: the whole agreement and its documents, not the audit trail.</summary>
    Party,

    /// <summary>The region's own officers and the ministries' reviewers: everything, audit included.</summary>
    Full,
}
