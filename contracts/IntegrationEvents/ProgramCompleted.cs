namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A program was completed after its final evaluation.</summary>
public sealed record ProgramCompleted(
    string ProgramId, int ProgramVersion, string Status, string AgreementId, string RegionCode, string Type, string Field, string Actor, DateOnly CompletedOn)
    : ProgramEvent(ProgramId, ProgramVersion, Status, AgreementId, RegionCode, Type, Field, Actor);
