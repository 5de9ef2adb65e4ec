namespace Paradiplomacy.Meetings.Domain;

public sealed record InterpretationNeed(string SourceLanguage, string TargetLanguage, InterpretationMode Mode);
