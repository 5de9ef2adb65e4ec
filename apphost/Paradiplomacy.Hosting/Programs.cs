using System.Diagnostics;

namespace Paradiplomacy.Hosting;

/// <summary>The distribution's programs the executable resources run, and one-shot commands before them.</summary>
internal static class Programs
{
    public static string Find(string name, string package, params string[] extraDirectories)
    {
        // The named folders first: /usr/sbin/rabbitmq-server, say, is a wrapper that switches to another user.
        var path = extraDirectories.Concat((Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':'))
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
        return path ?? throw Missing(name, package);
    }

    public static InvalidOperationException Missing(string name, string package) =>
        new($"{name} is not installed: run ./run.sh (it installs what is missing) or `apt-get install -y {package}`.");

    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken ct)
    {
        using var process = Process.Start(new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        }) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }
}
