using Grpc.Core;

namespace Paradiplomacy.ServiceDefaults.Errors;

/// <summary>The caller's etag is stale: someone changed the resource since it was read.</summary>
public sealed class ConcurrencyConflictException(string resource, string id)
    : DomainException($"{resource} '{id}' was changed by someone else; read it again and retry with the new etag.")
{
    public override StatusCode StatusCode => StatusCode.Aborted;

    public override string Reason => "ETAG_MISMATCH";
}
