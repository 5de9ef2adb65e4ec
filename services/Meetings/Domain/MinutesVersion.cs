namespace Paradiplomacy.Meetings.Domain;

/// <summary>One version of an occurrence's minutes: its text in each language and its decisions. Final
/// once one person of each side has confirmed this version; a newer version needs confirming again.</summary>
public sealed class MinutesVersion
{
    public required string Id { get; init; }
    public int Version { get; init; }
    public required string OccurrenceKey { get; init; }
    public Dictionary<string, string> Text { get; init; } = [];
    public List<Dictionary<string, string>> Decisions { get; init; } = [];
    public string SubmittedBy { get; init; } = null!;
    public DateTimeOffset SubmittedAt { get; init; }
    public List<Confirmation> Confirmations { get; set; } = [];

    public bool IsFinal => Confirmations.Any(c => c.Side == Side.Indonesian) && Confirmations.Any(c => c.Side == Side.Foreign);
}
