namespace Paradiplomacy.Registry.Domain;

/// <summary>The sister-city coordinator a partner should write to.</summary>
public sealed class Contact
{
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
}
