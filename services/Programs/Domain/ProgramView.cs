namespace Paradiplomacy.Programs.Domain;

/// <summary>How much of a program a caller may see.</summary>
public enum ProgramView
{
    /// <summary>Nothing (a plan not yet approved, to anyone outside): answered as NOT_FOUND.</summary>
    None,

    /// <summary>Open data: what it is, when, where, its status and results; participants only as counts;
    /// no evaluations, evidence documents or who did what.</summary>
    Public,

    /// <summary>A partner of a foreign party: the whole program but the participants' personal data and the audit.</summary>
    Party,

    /// <summary>The region's officers and the ministries' reviewers: everything.</summary>
    Full,
}
