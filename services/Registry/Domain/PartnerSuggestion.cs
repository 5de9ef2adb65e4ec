namespace Paradiplomacy.Registry.Domain;

/// <summary>A possible partner with how similar it is (0..1) and why.</summary>
public sealed record PartnerSuggestion(City City, double Score, IReadOnlyList<string> Reasons);
