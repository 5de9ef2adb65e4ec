namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A program was approved to go ahead.</summary>
public sealed record ProgramApproved(
    string ProgramId, int ProgramVersion, string Status, string AgreementId, string RegionCode, string Type, string Field, string Actor)
    : ProgramEvent(ProgramId, ProgramVersion, Status, AgreementId, RegionCode, Type, Field, Actor);
