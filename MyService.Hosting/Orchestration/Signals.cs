using System.Runtime.InteropServices;

namespace MyService.Hosting.Orchestration;

/// <summary>POSIX signals .NET's Process cannot send: SIGTERM asks a process to stop gracefully (ECS does the same).</summary>
internal static partial class Signals
{
    private const int SigTerm = 15;

    /// <summary>False when the process is already gone.</summary>
    public static bool Terminate(int pid) => OperatingSystem.IsWindows() ? false : Kill(pid, SigTerm) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
