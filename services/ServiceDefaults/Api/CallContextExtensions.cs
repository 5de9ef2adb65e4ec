using Grpc.Core;
using Paradiplomacy.HostDefaults.Security;

namespace Paradiplomacy.ServiceDefaults.Api;

public static class CallContextExtensions
{
    /// <summary>Who makes this call, as its validated token says.</summary>
    public static Caller Caller(this ServerCallContext context) =>
        HostDefaults.Security.Caller.From(context.GetHttpContext().User);
}
