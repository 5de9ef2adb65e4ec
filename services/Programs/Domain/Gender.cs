namespace Paradiplomacy.Programs.Domain;

/// <summary>As the participant gives it; they may choose not to say.</summary>
public enum Gender
{
    Female = 1,
    Male = 2,
    Undisclosed = 3,
}
