namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A program moved to new dates.</summary>
public sealed record ProgramPostponed(
    string ProgramId, int ProgramVersion, string Status, string AgreementId, string RegionCode, string Type, string Field, string Actor, string Reason, DateOnly NewStartDate, DateOnly NewEndDate)
    : ProgramEvent(ProgramId, ProgramVersion, Status, AgreementId, RegionCode, Type, Field, Actor);
