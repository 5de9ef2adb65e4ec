using Grpc.Core;

namespace Paradiplomacy.ServiceDefaults.Errors;

public sealed class AlreadyExistsException(string message) : DomainException(message)
{
    public override StatusCode StatusCode => StatusCode.AlreadyExists;
}
