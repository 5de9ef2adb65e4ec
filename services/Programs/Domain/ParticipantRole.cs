namespace Paradiplomacy.Programs.Domain;

/// <summary>What a participant takes part as.</summary>
public enum ParticipantRole
{
    Student = 1,
    Artist = 2,
    Expert = 3,
    ScholarshipHolder = 4,
    Trainee = 5,
    Official = 6,
    Researcher = 7,
    Other = 8,
}
