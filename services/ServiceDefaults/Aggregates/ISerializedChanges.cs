namespace Paradiplomacy.ServiceDefaults.Aggregates;

/// <summary>Marks an aggregate whose concurrent changes must wait for each other instead of failing on
/// the version: the write path locks its row (SELECT ... FOR UPDATE) for the whole change, so a rule that
/// reads its current state (funds left to spend) holds however many writers arrive at once.</summary>
public interface ISerializedChanges;
