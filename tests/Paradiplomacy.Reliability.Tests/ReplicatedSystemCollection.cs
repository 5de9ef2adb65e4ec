namespace Paradiplomacy.Reliability.Tests;

[CollectionDefinition(Name)]
public sealed class ReplicatedSystemCollection : ICollectionFixture<ReplicatedSystemFixture>
{
    public const string Name = "replicated system";
}
