using Aspire.Hosting.Testing;
using Aspire.Hosting;

namespace Paradiplomacy.Reliability.Tests;

/// <summary>The system with two replicas of every service, their calendar jobs every two seconds, on quorum
/// queues as on the clustered broker of the national deployment (deploy/kubernetes).</summary>
public sealed class ReplicatedSystemFixture : ReliabilityFixture
{
    public static readonly string[] Services = ["registry", "agreements", "programs", "funding", "meetings"];

    protected override string Name => "replicated";

    protected override IEnumerable<string> Arguments => Services.Select(s => $"--Paradiplomacy:Replicas:{s}=2")
        .Append("--Paradiplomacy:QueueType=quorum");

    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        Project(builder, "agreements").WithEnvironment("Agreements__Lifecycle__Interval", "00:00:02");
        Project(builder, "meetings").WithEnvironment("Meetings__CalendarJobInterval", "00:00:02");
    }
}
