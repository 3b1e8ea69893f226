using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace MyService.Api.Storage.Sqlite;

/// <summary>
/// Flushes to disk what the page cache holds for a file system, through a handle that is safe to close. The database
/// file itself is never opened for this: SQLite holds POSIX locks on it, and closing any handle of a file drops every
/// such lock the process holds on it.
/// </summary>
internal static class FileSystemSync
{
    /// <summary>
    /// On Linux, <c>syncfs</c>: every dirty page of the file system of <paramref name="file"/> (the database's included,
    /// which its WAL's handle reaches). Elsewhere, or when that fails, only <paramref name="file"/> itself. Either way
    /// SQLite's own fsyncs follow.
    /// </summary>
    public static void Flush(FileStream file)
    {
        if (!OperatingSystem.IsLinux() || !TrySyncFs(file))
        {
            file.Flush(flushToDisk: true);
        }
    }

    // False when syncfs failed (-1, e.g. EPERM under a seccomp profile) or libc lacks it: the file alone is then
    // flushed, as before syncfs was used, and the RESTART syncs the database file itself.
    private static bool TrySyncFs(FileStream file)
    {
        try
        {
            return SyncFs(file.SafeFileHandle) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // DllImport, not LibraryImport: the generated marshalling would make the whole project allow unsafe code for one call.
    [DllImport("libc", EntryPoint = "syncfs")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SyncFs(SafeFileHandle fd);
}
