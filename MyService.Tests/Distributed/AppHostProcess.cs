using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace MyService.Tests.Distributed;

/// <summary>
/// The built AppHost run as its own process, as `dotnet run --project MyService.AppHost` runs it (launch profile
/// settings in the environment), with random ports and throw-away data: for what only a real process shows, such as
/// being killed.
/// </summary>
internal sealed class AppHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();
    private readonly List<string> _lines = [];

    private AppHostProcess(Process process, string marker)
    {
        _process = process;
        Marker = marker;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The AppHost's last lines, for a failure message.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Every line it printed so far (stdout and stderr).</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>
    /// The value of <see cref="MarkerVariable"/> in its environment, which DCP and every process it starts inherit:
    /// finds them all, even one whose parent has gone.
    /// </summary>
    public string Marker { get; }

    public const string MarkerVariable = "MYSERVICE_TEST_APPHOST";

    /// <summary>Waits until it has printed a line that satisfies <paramref name="predicate"/>.</summary>
    public Task WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout, string what) =>
        ProjectionReader.EventuallyAsync(() => Task.FromResult(Lines.Any(predicate) || _process.HasExited), timeout, $"{what}; its output:\n{Output}");

    /// <summary>Every live process of this AppHost run: itself, DCP and what DCP started.</summary>
    public IReadOnlyList<int> Processes() => [.. Directory.EnumerateDirectories("/proc")
        .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
        .Where(pid => pid > 0 && ProcessTree.IsRunning(pid)
            && ProcessTree.TryRead($"/proc/{pid}/environ") is { } environment
            && $"\0{environment}".Contains($"\0{MarkerVariable}={Marker}\0", StringComparison.Ordinal))];

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }

            _output.Enqueue(line);
            while (_output.Count > 40 && _output.TryDequeue(out _))
            {
            }
        }
    }

    public int Pid => _process.Id;

    /// <param name="args">More configuration for the AppHost, as <c>--Key=value</c>.</param>
    public static AppHostProcess Start(string dataDirectory, params string[] args)
    {
        var configuration = typeof(AppHostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var appHost = Path.Combine(RepositoryRoot.Path, "MyService.AppHost", "bin", configuration, "net10.0", "MyService.AppHost.dll");
        var info = new ProcessStartInfo("dotnet", [appHost, .. args])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The AppHost's own launch profile (what `dotnet run` applies), then every port random (DCP's proxies) and data in a temp folder.
        var profile = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "MyService.AppHost", "Properties", "launchSettings.json")))!["profiles"]!["http"]!;
        info.Environment["ASPNETCORE_URLS"] = profile["applicationUrl"]!.GetValue<string>();
        foreach (var (name, value) in profile["environmentVariables"]!.AsObject())
        {
            info.Environment[name] = value!.GetValue<string>();
        }

        info.Environment[Hosting.Shared.AspireInternals.RandomizePortsKey.Replace(":", "__", StringComparison.Ordinal)] = "true";
        info.Environment["AppHost__DataDirectory"] = dataDirectory;
        info.Environment["AppHost__DynamoDBLocal__InMemory"] = "true";
        info.Environment["ConnectionStrings__dynamodb"] = ""; // DynamoDB Local, whatever the developer's shell says
        var marker = Guid.NewGuid().ToString("N");
        info.Environment[MarkerVariable] = marker;
        return new AppHostProcess(Process.Start(info)!, marker);
    }

    /// <summary>
    /// DCP's API server for this AppHost: <c>dcp start-apiserver --monitor {pid}</c>, detached (its parent is init). The
    /// first such process re-launches itself detached and exits, so only the one whose parent is pid 1 counts.
    /// </summary>
    public async Task<int> DcpAsync()
    {
        int? dcp = null;
        await ProjectionReader.EventuallyAsync(() => Task.FromResult((dcp = FindDcp()) is not null), TimeSpan.FromSeconds(60), $"DCP for AppHost {Pid}");
        return dcp!.Value;
    }

    private int? FindDcp() => Directory.EnumerateDirectories("/proc")
        .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
        .FirstOrDefault(pid => pid > 0 && ProcessTree.CommandLine(pid) is { } line && line.Contains("dcp start-apiserver", StringComparison.Ordinal)
            && line.Contains($"--monitor {Pid} ", StringComparison.Ordinal) && ProcessTree.ParentOf(pid) == 1) is var found and > 0 ? found : null;

    /// <summary>The base URL of the service whose program path contains <paramref name="program"/>, once its /health answers 200.</summary>
    public async Task<Uri> HealthyServiceAsync(int dcp, string program)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        Uri? url = null;
        await ProjectionReader.EventuallyAsync(async () =>
        {
            var pid = ProcessTree.WithDescendants(dcp).FirstOrDefault(p => ProcessTree.CommandLine(p)?.Contains(program, StringComparison.Ordinal) == true);
            if (pid == 0 || (await AppResources.EnvironmentOfAsync(pid)).GetValueOrDefault("ASPNETCORE_URLS") is not { } urls)
            {
                return false;
            }

            url = new Uri(urls.Split(';')[0]);
            try
            {
                using var health = await client.GetAsync(new Uri(url, "/health"));
                return health.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromMinutes(2), $"{program} healthy under AppHost {Pid}; its processes: {string.Join(" | ", ProcessTree.WithDescendants(dcp).Select(ProcessTree.CommandLine))}; its output:\n{Output}");
        return url!;
    }

    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    public Task WaitForExitAsync() => _process.WaitForExitAsync().WithTimeout(TimeSpan.FromSeconds(30));

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
