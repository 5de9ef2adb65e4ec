namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A program was planned under an agreement (a recurring program's next edition too).</summary>
public sealed record ProgramCreated(
    string ProgramId, int ProgramVersion, string Status, string AgreementId, string RegionCode, string Type, string Field, string Actor, string Title, DateOnly StartDate, DateOnly EndDate, int Edition)
    : ProgramEvent(ProgramId, ProgramVersion, Status, AgreementId, RegionCode, Type, Field, Actor);
