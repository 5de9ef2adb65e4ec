namespace Paradiplomacy.Hosting.Infrastructure;

public sealed record LogLine(long Sequence, DateTimeOffset Time, string Text, bool IsError);
