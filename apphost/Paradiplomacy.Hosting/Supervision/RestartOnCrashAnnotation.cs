namespace Paradiplomacy.Hosting.Supervision;

/// <summary>Marks a resource the AppHost starts again when its process dies on its own.</summary>
public sealed class RestartOnCrashAnnotation : IResourceAnnotation;
