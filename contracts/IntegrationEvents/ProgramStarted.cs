namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A program began.</summary>
public sealed record ProgramStarted(
    string ProgramId, int ProgramVersion, string Status, string AgreementId, string RegionCode, string Type, string Field, string Actor)
    : ProgramEvent(ProgramId, ProgramVersion, Status, AgreementId, RegionCode, Type, Field, Actor);
