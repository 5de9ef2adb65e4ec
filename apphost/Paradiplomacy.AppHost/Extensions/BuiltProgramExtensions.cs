using System.Reflection;
using System.Runtime.Versioning;

namespace Paradiplomacy.AppHost.Extensions;

public static class BuiltProgramExtensions
{
    /// <summary>Runs the project's built program itself rather than through `dotnet run`, whose process
    /// stays the program's parent for as long as it runs (about 120 MiB of RSS each, measured) and reads
    /// the project file again at every start (about 0.8 s of CPU each). run.sh and test.sh build first,
    /// in the AppHost's own configuration; a project not built there runs through `dotnet run` as before.</summary>
    public static IResourceBuilder<ProjectResource> WithBuiltProgram(this IResourceBuilder<ProjectResource> project)
    {
        var projectPath = project.Resource.GetProjectMetadata().ProjectPath;
        var directory = Path.GetDirectoryName(projectPath)!;
        var program = Path.Combine(directory, "bin", Configuration, TargetFramework, Path.GetFileNameWithoutExtension(projectPath));
        return File.Exists(program)
            ? project.WithAnnotation(new ExecutableAnnotation { Command = program, WorkingDirectory = directory }, ResourceAnnotationMutationBehavior.Replace)
            : project;
    }

    private static string Configuration =>
        typeof(BuiltProgramExtensions).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>net10.0 from ".NETCoreApp,Version=v10.0": the services build for the framework the AppHost does.</summary>
    private static string TargetFramework =>
        "net" + typeof(BuiltProgramExtensions).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName.Split("=v")[1];
}
