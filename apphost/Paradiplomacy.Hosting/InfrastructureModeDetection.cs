using System.Diagnostics;

namespace Paradiplomacy.Hosting;

public static class InfrastructureModeDetection
{
    public static InfrastructureMode Choose(IConfiguration configuration)
    {
        var configured = configuration["Paradiplomacy:Infrastructure"];
        if (!string.IsNullOrEmpty(configured))
        {
            return Enum.TryParse<InfrastructureMode>(configured, ignoreCase: true, out var mode)
                ? mode
                : throw new ArgumentException($"Paradiplomacy:Infrastructure is '{configured}'; use 'containers' or 'executables'.");
        }
        return ContainerEngineAnswers(configuration["ASPIRE_CONTAINER_RUNTIME"] ?? "docker") ? InfrastructureMode.Containers : InfrastructureMode.Executables;
    }

    /// <summary>A client alone is not an engine (this machine has the docker CLI and no daemon): ask it.</summary>
    private static bool ContainerEngineAnswers(string runtime)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return false;
            }
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill();
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no such program
        }
    }
}
