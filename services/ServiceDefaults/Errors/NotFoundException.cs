using Grpc.Core;

namespace Paradiplomacy.ServiceDefaults.Errors;

public sealed class NotFoundException(string resource, string id)
    : DomainException($"{resource} '{id}' was not found.")
{
    public override StatusCode StatusCode => StatusCode.NotFound;
}
