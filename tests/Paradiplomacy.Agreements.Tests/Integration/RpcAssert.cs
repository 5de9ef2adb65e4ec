using Google.Rpc;
using Grpc.Core;

namespace Paradiplomacy.Agreements.Tests.Integration;

internal static class RpcAssert
{
    public static async Task<Google.Rpc.Status> FailsWith(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, error.StatusCode);
        return error.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)code, Message = error.Status.Detail };
    }

    public static IReadOnlyList<string> ViolatedFields(Google.Rpc.Status status) =>
        status.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];
}
