namespace Paradiplomacy.Programs.Domain;

/// <summary>A review along the way, or the closing one a program cannot complete without.</summary>
public enum EvaluationKind
{
    Periodic = 1,
    Final = 2,
}
