namespace Paradiplomacy.ServiceDefaults.Errors;

/// <summary>One bad field: its path in the request (snake_case, as in the .proto) and what is wrong.</summary>
public sealed record FieldViolation(string Field, string Description);
