using Grpc.Core;

namespace Paradiplomacy.ServiceDefaults.Errors;

/// <summary>The request itself is invalid; carries every bad field, not only the first.</summary>
public sealed class ValidationException(IReadOnlyList<FieldViolation> violations)
    : DomainException(string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public ValidationException(string field, string description) : this([new FieldViolation(field, description)])
    {
    }

    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    public override StatusCode StatusCode => StatusCode.InvalidArgument;
}
