using Grpc.Core;

namespace Paradiplomacy.ServiceDefaults.Errors;

/// <summary>A rule of the domain said no. Each subclass fixes the gRPC status a caller sees, so
/// domain code states what went wrong and never how it travels.</summary>
public abstract class DomainException(string message) : Exception(message)
{
    public abstract StatusCode StatusCode { get; }

    /// <summary>Machine-readable reason for google.rpc.ErrorInfo, UPPER_SNAKE_CASE.</summary>
    public virtual string Reason => StatusCode.ToString().ToUpperInvariant();
}
