namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>An actual value of one of a program's indicators was recorded.</summary>
public sealed record IndicatorReported(
    string ProgramId, int ProgramVersion, string Status, string AgreementId, string RegionCode, string Type, string Field, string Actor, string IndicatorId, string Unit, double Value, DateOnly PeriodEnd, IReadOnlyList<string> SdgTargets)
    : ProgramEvent(ProgramId, ProgramVersion, Status, AgreementId, RegionCode, Type, Field, Actor);
