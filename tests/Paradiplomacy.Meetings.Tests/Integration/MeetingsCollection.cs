namespace Paradiplomacy.Meetings.Tests.Integration;

/// <summary>One platform for every integration test here, run one test at a time: some move the service's clock.</summary>
[CollectionDefinition(Name)]
public sealed class MeetingsCollection : ICollectionFixture<MeetingsFixture>
{
    public const string Name = "meetings";
}
