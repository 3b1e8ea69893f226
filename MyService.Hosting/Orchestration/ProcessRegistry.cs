using System.Globalization;
using System.Text.Json;

namespace MyService.Hosting.Orchestration;

/// <summary>
/// The processes this AppHost started, on disk under the data directory, so the next run can end the ones an
/// AppHost killed with -9 left behind. A process is matched by pid and start time, never by pid alone. The file also
/// names the AppHost that wrote it: while that one is alive its processes are not orphans, and a second AppHost on
/// the same data directory (the same SQLite file, the same DynamoDB Local files) is refused instead.
/// </summary>
internal sealed partial class ProcessRegistry(DistributedApplicationOptions options, ILogger<ProcessRegistry> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, Entry> _entries = [];
    private readonly Entry _owner = new(Environment.ProcessId, StartTicks(Environment.ProcessId), "apphost");
    private bool _claimed;

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
    /// <exception cref="DistributedApplicationException">Another AppHost is running on this data directory.</exception>
    public int EndOrphans()
    {
        // Once per app: on a second start the file lists this app's own live processes, not orphans.
        if (_claimed)
        {
            return 0;
        }

        var previous = File.Exists(FilePath) ? Read() : new RegistryFile(null, []);
        if (previous.Owner is { } owner && owner.Pid != _owner.Pid && IsAlive(owner))
        {
            throw new DistributedApplicationException(
                $"Another AppHost (process {owner.Pid}: {PortOwner.CommandLine(owner.Pid)}) is running with the data directory {options.DataDirectory}. " +
                $"Stop it first (Ctrl+C in its terminal, or kill {owner.Pid}), or give this one its own: --AppHost:DataDirectory=<folder>.");
        }

        var ended = 0;
        foreach (var entry in previous.Processes)
        {
            if (IsAlive(entry))
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

        lock (_lock)
        {
            // Claimed before any resource starts, so a second AppHost on this directory is refused from now on.
            Save();
            _claimed = true;
        }

        return ended;
    }

    private RegistryFile Read()
    {
        try
        {
            return JsonSerializer.Deserialize<RegistryFile>(File.ReadAllText(FilePath)) ?? new RegistryFile(null, []);
        }
        catch (JsonException)
        {
            // Not ours to read (an older format or a torn write): nothing can be matched safely.
            return new RegistryFile(null, []);
        }
    }

    private void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var temp = FilePath + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(new RegistryFile(_owner, [.. _entries.Values])));
        File.Move(temp, FilePath, overwrite: true);
    }

    private static bool IsAlive(Entry entry) => entry.StartTicks is not null && StartTicks(entry.Pid) == entry.StartTicks;

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

    private sealed record RegistryFile(Entry? Owner, IReadOnlyList<Entry> Processes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ending process {Pid} ({Resource}: {CommandLine}) left running by an AppHost that did not stop cleanly")]
    private static partial void LogEndingOrphan(ILogger logger, int pid, string resource, string commandLine);
}
