namespace Paradiplomacy.Registry.Data;

/// <summary>Marks a reference data set as loaded, so a restart does not load it again.</summary>
public sealed class ReferenceDataImport
{
    public required string Fingerprint { get; init; }
    public DateTimeOffset ImportedAt { get; init; }
    public int Cities { get; init; }
}
