using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace Paradiplomacy.Tests.Shared;

/// <summary>Assertions on gRPC failures and their rich details, shared by the service test projects.</summary>
internal static class RpcAssert
{
    /// <summary>Asserts the call fails with <paramref name="code"/>, without a stack trace, and returns its rich status.</summary>
    public static async Task<Google.Rpc.Status> FailsWith(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, error.StatusCode);
        Assert.DoesNotContain("   at ", error.Status.Detail, StringComparison.Ordinal);
        return error.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)code, Message = error.Status.Detail };
    }

    public static IReadOnlyList<string> ViolatedFields(Google.Rpc.Status status) =>
        status.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];
}
