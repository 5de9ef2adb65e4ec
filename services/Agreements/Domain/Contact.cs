namespace Paradiplomacy.Agreements.Domain;

public sealed record Contact(string? Name, string? Title, string? Email, string? Phone)
{
    public static readonly Contact Empty = new(null, null, null, null);
}
