using System.Globalization;

namespace MyService.Hosting.Ports;

/// <summary>Finds which process listens on a TCP port, from /proc (Linux); null where that cannot be read.</summary>
internal static class PortOwner
{
    private const string ListenState = "0A";

    public static (int Pid, string CommandLine)? Find(int port)
    {
        var inodes = ListeningInodes(port);
        if (inodes.Count == 0)
        {
            return null;
        }

        foreach (var processDirectory in SafeEnumerate("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(processDirectory), out var pid))
            {
                continue;
            }

            foreach (var fd in SafeEnumerate(Path.Combine(processDirectory, "fd")))
            {
                var target = SafeLinkTarget(fd);
                if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal) && inodes.Contains(target[8..^1]))
                {
                    return (pid, CommandLine(pid));
                }
            }
        }

        return null;
    }

    public static string CommandLine(int pid)
    {
        try
        {
            // Arguments are NUL-separated and may hold newlines (a script given with -c): one line for a message.
            var raw = string.Join(' ', File.ReadAllText($"/proc/{pid}/cmdline").Split(['\0', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            return raw.Length > 120 ? raw[..117] + "..." : raw;
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    private static HashSet<string> ListeningInodes(int port)
    {
        var inodes = new HashSet<string>();
        var hexPort = port.ToString("X4", CultureInfo.InvariantCulture);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[1].EndsWith(":" + hexPort, StringComparison.Ordinal) && fields[3] == ListenState)
                {
                    inodes.Add(fields[9]);
                }
            }
        }

        return inodes;
    }

    private static string[] SafeEnumerate(string directory)
    {
        try
        {
            return Directory.GetFileSystemEntries(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string? SafeLinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
