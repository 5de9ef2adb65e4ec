namespace Paradiplomacy.Programs.Domain;

/// <summary>How a program is delivered; a switch is a pivot.</summary>
public enum DeliveryMode
{
    InPerson = 1,
    Virtual = 2,
    Hybrid = 3,
}
