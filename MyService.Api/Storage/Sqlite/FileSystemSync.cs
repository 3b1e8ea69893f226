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
    /// which its WAL's handle reaches). Elsewhere, only <paramref name="file"/> itself. A failure is left to SQLite's
    /// own fsyncs, which follow either way.
    /// </summary>
    public static void Flush(FileStream file)
    {
        if (OperatingSystem.IsLinux())
        {
            _ = SyncFs(file.SafeFileHandle);
        }
        else
        {
            file.Flush(flushToDisk: true);
        }
    }

    // DllImport, not LibraryImport: the generated marshalling would make the whole project allow unsafe code for one call.
    [DllImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SyncFs(SafeFileHandle fd);
}
