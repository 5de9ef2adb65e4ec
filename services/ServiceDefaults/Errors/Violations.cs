namespace Paradiplomacy.ServiceDefaults.Errors;

/// <summary>Collects field violations while a request is checked, then throws them all at once.</summary>
public sealed class Violations
{
    private readonly List<FieldViolation> _items = [];

    public bool Any => _items.Count > 0;

    public Violations Add(string field, string description)
    {
        _items.Add(new FieldViolation(field, description));
        return this;
    }

    public Violations MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, $"must be at most {max} characters (got {value.Length})");
        }
        return this;
    }

    public Violations Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
        }
        return this;
    }

    public void ThrowIfAny()
    {
        if (_items.Count > 0)
        {
            throw new ValidationException(_items.ToList());
        }
    }
}
