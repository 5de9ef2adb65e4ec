namespace Paradiplomacy.Programs.Domain;

/// <summary>A document that backs a reported figure: a link, or the id of a document on the platform.</summary>
public sealed record Evidence(string Title, string Uri);
