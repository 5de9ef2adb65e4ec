namespace Paradiplomacy.Hosting.Dashboard;

/// <summary>One queue as GET /api/queues shows it; error queues are where failed messages wait.</summary>
public sealed record QueueSnapshot(string Name, long Messages, int Consumers, double PublishRate, double DeliverRate, bool IsErrorQueue);
