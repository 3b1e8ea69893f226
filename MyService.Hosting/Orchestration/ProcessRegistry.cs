using System.Globalization;
using System.Text.Json;

namespace MyService.Hosting.Orchestration;

/// <summary>
/// The processes this AppHost started, on disk under the data directory, so the next run can end the ones an
/// AppHost killed with -9 left behind. A process is matched by pid and start time, never by pid alone.
/// </summary>
internal sealed partial class ProcessRegistry(DistributedApplicationOptions options, ILogger<ProcessRegistry> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, Entry> _entries = [];

    private string FilePath => Path.Combine(options.DataDirectory, ".apphost", "processes.json");

    public void Add(string resource, int pid)
    {
        lock (_lock)
        {
            _entries[pid] = new Entry(pid, StartTicks(pid), resource);
            Save();
        }
    }

    public void Remove(int pid)
    {
        lock (_lock)
        {
            if (_entries.Remove(pid))
            {
                Save();
            }
        }
    }

    /// <summary>Kills what a previous run registered and is still the same process; returns how many.</summary>
    public int EndOrphans()
    {
        if (!File.Exists(FilePath))
        {
            return 0;
        }

        var ended = 0;
        foreach (var entry in JsonSerializer.Deserialize<List<Entry>>(File.ReadAllText(FilePath)) ?? [])
        {
            if (entry.StartTicks is not null && StartTicks(entry.Pid) == entry.StartTicks)
            {
                LogEndingOrphan(logger, entry.Pid, entry.Resource, PortOwner.CommandLine(entry.Pid));
                try
                {
                    using var orphan = System.Diagnostics.Process.GetProcessById(entry.Pid);
                    orphan.Kill(entireProcessTree: true);
                    // Its ports must be free before this run allocates them.
                    orphan.WaitForExit(TimeSpan.FromSeconds(10));
                    ended++;
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
                {
                    // Gone between the check and the kill.
                }
            }
        }

        File.Delete(FilePath);
        return ended;
    }

    private void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var temp = FilePath + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(_entries.Values.ToList()));
        File.Move(temp, FilePath, overwrite: true);
    }

    /// <summary>Field 22 of /proc/{pid}/stat: start time in clock ticks since boot; null when the process is gone.</summary>
    private static string? StartTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command (field 2) may contain spaces; fields after it start past the last ')'.
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return rest[19].ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private sealed record Entry(int Pid, string? StartTicks, string Resource);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ending process {Pid} ({Resource}: {CommandLine}) left running by an AppHost that did not stop cleanly")]
    private static partial void LogEndingOrphan(ILogger logger, int pid, string resource, string commandLine);
}
