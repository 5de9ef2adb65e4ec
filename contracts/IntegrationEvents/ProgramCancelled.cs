namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A program was cancelled.</summary>
public sealed record ProgramCancelled(
    string ProgramId, int ProgramVersion, string Status, string AgreementId, string RegionCode, string Type, string Field, string Actor, string Reason)
    : ProgramEvent(ProgramId, ProgramVersion, Status, AgreementId, RegionCode, Type, Field, Actor);
