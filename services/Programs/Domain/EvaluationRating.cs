namespace Paradiplomacy.Programs.Domain;

/// <summary>The six-point scale of the development banks' evaluations, best first.</summary>
public enum EvaluationRating
{
    HighlySatisfactory = 1,
    Satisfactory = 2,
    ModeratelySatisfactory = 3,
    ModeratelyUnsatisfactory = 4,
    Unsatisfactory = 5,
    HighlyUnsatisfactory = 6,
}
