namespace Paradiplomacy.Programs.Domain;

/// <summary>A participant's consent to the processing of their personal data (UU PDP 27/2022 art. 20):
/// for what, when and how it was given.</summary>
public sealed record Consent(string Purpose, DateOnly GivenOn, string Method);
