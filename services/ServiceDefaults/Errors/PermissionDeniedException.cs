using Grpc.Core;

namespace Paradiplomacy.ServiceDefaults.Errors;

public sealed class PermissionDeniedException(string message) : DomainException(message)
{
    public override StatusCode StatusCode => StatusCode.PermissionDenied;

    public override string Reason => "REGION_SCOPE";
}
