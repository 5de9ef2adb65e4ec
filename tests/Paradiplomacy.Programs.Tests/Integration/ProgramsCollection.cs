namespace Paradiplomacy.Programs.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class ProgramsCollection : ICollectionFixture<ProgramsFixture>
{
    public const string Name = "programs";
}
