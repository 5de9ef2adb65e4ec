namespace Paradiplomacy.Agreements.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class AgreementsCollection : ICollectionFixture<AgreementsFixture>
{
    public const string Name = "agreements";
}
