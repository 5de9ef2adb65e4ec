namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A program switched its delivery mode (in person, virtual, hybrid).</summary>
public sealed record ProgramPivoted(
    string ProgramId, int ProgramVersion, string Status, string AgreementId, string RegionCode, string Type, string Field, string Actor, string FromMode, string ToMode, string Reason)
    : ProgramEvent(ProgramId, ProgramVersion, Status, AgreementId, RegionCode, Type, Field, Actor);
