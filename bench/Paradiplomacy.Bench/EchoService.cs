using Grpc.Core;
using Paradiplomacy.Bench.Echo;

namespace Paradiplomacy.Bench;

public sealed class EchoService : Echo.Echo.EchoBase
{
    public override Task<EchoMessage> Say(EchoMessage request, ServerCallContext context) => Task.FromResult(request);
}
