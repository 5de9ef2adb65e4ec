using System.Runtime.InteropServices;

namespace Paradiplomacy.Hosting.Infrastructure;

/// <summary>Sends POSIX signals: servers shut down cleanly on SIGTERM/SIGINT, while Process.Kill
/// only knows SIGKILL.</summary>
public static partial class PosixSignals
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuid();

    public static bool Send(int pid, int signal) => Kill(pid, signal) == 0;

    public static bool IsAlive(int pid) => Kill(pid, 0) == 0;

    public static bool IsRoot => OperatingSystem.IsLinux() && GetEuid() == 0;
}
