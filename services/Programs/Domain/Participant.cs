namespace Paradiplomacy.Programs.Domain;

/// <summary>Someone who takes part. Name, e-mail and home city are personal data: erased when consent is
/// withdrawn, while role, side, gender and age band stay for the counts.</summary>
public sealed class Participant
{
    public const string ErasedName = "(erased)";

    public required string Id { get; init; }
    public string Name { get; set; } = null!;
    public ParticipantRole Role { get; init; }
    public Side Side { get; init; }
    public string? HomeCityId { get; set; }
    public Gender Gender { get; init; }
    public AgeBand AgeBand { get; init; }
    public string? Email { get; set; }
    public Consent Consent { get; init; } = null!;
    public bool Erased { get; set; }
    public string? RequestId { get; init; }
    public DateTimeOffset EnrolledAt { get; init; }

    public void Erase()
    {
        Name = ErasedName;
        Email = null;
        HomeCityId = null;
        Erased = true;
    }
}
