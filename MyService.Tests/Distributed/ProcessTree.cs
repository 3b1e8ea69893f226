namespace MyService.Tests.Distributed;

/// <summary>Processes as /proc shows them: parents, descendants, command lines, environments (Linux).</summary>
internal static class ProcessTree
{
    /// <summary>The fourth field of /proc/{pid}/stat, after the parenthesised command name; null when the process is gone.</summary>
    public static int? ParentOf(int pid) =>
        TryRead($"/proc/{pid}/stat") is { } stat && int.TryParse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], out var parent) ? parent : null;

    public static string? CommandLine(int pid) => TryRead($"/proc/{pid}/cmdline")?.Replace('\0', ' ');

    /// <summary>The DCP processes above <paramref name="pid"/> (run-controllers, start-apiserver): its app's orchestrator.</summary>
    public static List<int> DcpAncestorsOf(int pid)
    {
        var ancestors = new List<int>();
        for (var current = ParentOf(pid); current is > 1; current = ParentOf(current.Value))
        {
            if (TryRead($"/proc/{current}/cmdline") is { } commandLine && commandLine.Contains("/dcp\0", StringComparison.Ordinal))
            {
                ancestors.Add(current.Value);
            }
        }

        return ancestors;
    }

    /// <summary><paramref name="root"/> and every process below it.</summary>
    public static List<int> WithDescendants(int root)
    {
        var children = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Select(pid => (Pid: pid, Parent: ParentOf(pid)))
            .Where(p => p.Parent is not null)
            .ToLookup(p => p.Parent!.Value, p => p.Pid);
        var all = new List<int>();
        var pending = new Queue<int>([root]);
        while (pending.TryDequeue(out var pid))
        {
            all.Add(pid);
            foreach (var child in children[pid])
            {
                pending.Enqueue(child);
            }
        }

        return all;
    }

    /// <summary>Running (a zombie waiting for its parent to reap it has ended).</summary>
    public static bool IsRunning(int pid) => TryRead($"/proc/{pid}/stat") is { } stat && stat[(stat.LastIndexOf(')') + 2)] != 'Z';

    public static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
