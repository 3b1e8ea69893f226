using System.ComponentModel;
using System.Diagnostics;

namespace MyService.Hosting.Orchestration;

/// <summary>
/// A started process whose stdout/stderr arrive line by line. It runs in a session of its own (setsid) so a Ctrl+C
/// in the terminal reaches only the AppHost, which then stops resources in order; stopping is SIGTERM, a grace
/// period, then killing the whole tree.
/// </summary>
internal sealed class RunningProcess
{
    private const string SetSid = "/usr/bin/setsid";
    private readonly Process _process;
    private readonly Task _stdout;
    private readonly Task _stderr;

    private RunningProcess(Process process, Action<string, bool> onLine)
    {
        _process = process;
        Pid = process.Id;
        StartTime = DateTimeOffset.UtcNow;
        _stdout = PumpAsync(process.StandardOutput, line => onLine(line, false));
        _stderr = PumpAsync(process.StandardError, line => onLine(line, true));
        Exited = WaitForExitAsync();
    }

    public int Pid { get; }

    public DateTimeOffset StartTime { get; }

    /// <summary>The exit code, once the process has exited and its output is read.</summary>
    public Task<int> Exited { get; }

    /// <exception cref="Win32Exception">The command does not exist or cannot be executed.</exception>
    public static RunningProcess Start(ProcessSpec spec, Action<string, bool> onLine)
    {
        var useSetSid = File.Exists(SetSid);
        var info = new ProcessStartInfo(useSetSid ? SetSid : spec.FileName)
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (useSetSid)
        {
            info.ArgumentList.Add(ResolveCommand(spec.FileName));
        }

        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Clear();
        foreach (var (name, value) in spec.Environment)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new Win32Exception($"Could not start '{spec.FileName}'.");
        process.StandardInput.Close();
        return new RunningProcess(process, onLine);
    }

    /// <summary>SIGTERM, then the tree is killed if it has not exited within <paramref name="gracePeriod"/>.</summary>
    public async Task<int> StopAsync(TimeSpan gracePeriod)
    {
        if (!Exited.IsCompleted && Signals.Terminate(Pid))
        {
            await Task.WhenAny(Exited, Task.Delay(gracePeriod));
        }

        if (!Exited.IsCompleted)
        {
            Kill();
        }

        return await Exited;
    }

    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }

    private async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync();
        // A grandchild may hold the pipes open; the output that matters has arrived by now.
        await Task.WhenAny(Task.WhenAll(_stdout, _stderr), Task.Delay(TimeSpan.FromSeconds(2)));
        var code = _process.ExitCode;
        _process.Dispose();
        return code;
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            onLine(line);
        }
    }

    /// <summary>setsid execs its argument through PATH itself, but a missing command should fail here, with its name.</summary>
    private static string ResolveCommand(string command)
    {
        if (command.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(command) ? command : throw new Win32Exception($"'{command}' does not exist.");
        }

        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, command))
            .FirstOrDefault(File.Exists);
        return found ?? throw new Win32Exception($"'{command}' was not found on PATH.");
    }
}
