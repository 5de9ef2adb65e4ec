using Grpc.Core;

namespace Paradiplomacy.ServiceDefaults.Errors;

/// <summary>The request is well formed but the resource is not in a state that allows it.</summary>
public sealed class PreconditionFailedException(string message, string reason = "FAILED_PRECONDITION") : DomainException(message)
{
    public override StatusCode StatusCode => StatusCode.FailedPrecondition;

    public override string Reason { get; } = reason;
}
