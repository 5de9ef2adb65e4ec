using NodaTime;

namespace Paradiplomacy.Meetings.Domain;

public sealed record SlotResult(IReadOnlyList<Interval> Slots, IReadOnlyList<string> Reasons);
