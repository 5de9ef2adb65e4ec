namespace Paradiplomacy.Programs.Domain;

public sealed record Evaluation(
    string Id, EvaluationKind Kind, EvaluationRating Rating, string Findings, string? Recommendations, string Evaluator, DateOnly EvaluatedOn, string SubmittedBy);
