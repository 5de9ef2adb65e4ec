namespace Paradiplomacy.Funding.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class FundingCollection : ICollectionFixture<FundingFixture>
{
    public const string Name = "funding";
}
