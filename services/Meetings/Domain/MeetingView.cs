namespace Paradiplomacy.Meetings.Domain;

/// <summary>How much of a meeting a caller may see.</summary>
public enum MeetingView
{
    /// <summary>Nothing (a meeting of an agreement still in negotiation, to anyone outside): NOT_FOUND.</summary>
    None,

    /// <summary>Open data: what, when, how, counts of participants and attendance by side, the decisions of
    /// final minutes and the action items without their owners; no names, e-mails, room link or drafts.</summary>
    Public,

    /// <summary>A foreign party's partner: everything but the audit.</summary>
    Party,

    /// <summary>The organising region's officers and the ministries' reviewers: everything.</summary>
    Full,
}
