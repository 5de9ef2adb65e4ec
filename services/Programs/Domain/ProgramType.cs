namespace Paradiplomacy.Programs.Domain;

/// <summary>What partners do together; numbered as the contract.</summary>
public enum ProgramType
{
    StudentExchange = 1,
    ArtistExchange = 2,
    Training = 3,
    ExpertDispatch = 4,
    Scholarship = 5,
    WorkingVisit = 6,
    DevelopmentProject = 7,
    Festival = 8,
    JointResearch = 9,
    TechnicalAssistance = 10,
}
