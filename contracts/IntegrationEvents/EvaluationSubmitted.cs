namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A periodic or final evaluation of a program was recorded.</summary>
public sealed record EvaluationSubmitted(
    string ProgramId, int ProgramVersion, string Status, string AgreementId, string RegionCode, string Type, string Field, string Actor, string EvaluationKind, string Rating)
    : ProgramEvent(ProgramId, ProgramVersion, Status, AgreementId, RegionCode, Type, Field, Actor);
