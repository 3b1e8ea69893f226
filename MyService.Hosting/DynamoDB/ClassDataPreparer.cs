using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;

namespace MyService.Hosting.DynamoDB;

/// <summary>
/// Makes, once per java and package version, a class-data sharing archive (AppCDS) of DynamoDB Local's classes in the
/// cache: mapped at start, it halves the JVM's start (bench/startup.sh). It is dumped from the class list of a training
/// run that records what loads until ListTables and CreateTable answer. Any failure is said in one line and remembered
/// (a <c>.off</c> file beside the archive), and DynamoDB Local starts without it; the JVM itself ignores an archive it
/// cannot map (another build of java, a changed jar), so a stale archive costs speed, never a start.
/// </summary>
internal static partial class ClassDataPreparer
{
    private static readonly TimeSpan TrainingLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DumpLimit = TimeSpan.FromMinutes(2);

    /// <returns>The archive to start with, or null to start without one.</returns>
    /// <param name="state">Called with the resource's state while the archive is made ("Preparing").</param>
    public static async Task<ClassDataArchive?> EnsureAsync(string java, string jar, string cacheDirectory, ILogger log, Action<string> state, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(cacheDirectory, "class-data");
        var key = Key(java, jar);
        var archive = Path.Combine(directory, $"{key}.jsa");
        var off = Path.Combine(directory, $"{key}.off");
        var launchJar = LaunchJar.PathFor(jar);
        if (File.Exists(archive) && File.Exists(launchJar))
        {
            ClassDataPruning.MarkUsed(archive, DateTimeOffset.UtcNow);
            return new ClassDataArchive(launchJar, archive);
        }

        if (File.Exists(off))
        {
            LogOff(log, (await File.ReadAllTextAsync(off, cancellationToken)).Trim(), off);
            return null;
        }

        // Another AppHost or test run on this machine may be making the same archive right now.
        await using var machineLock = await CacheLock.AcquireAsync(Path.Combine(directory, ".lock"), cancellationToken);
        if (File.Exists(archive) && File.Exists(launchJar))
        {
            return new ClassDataArchive(launchJar, archive);
        }

        state("Preparing");
        LogPreparing(log, archive);
        var started = Stopwatch.GetTimestamp();
        try
        {
            LaunchJar.Write(jar, launchJar);
            var classList = Path.Combine(directory, $"{key}.classlist");
            await WithinAsync(TrainingLimit, "the training run", token => ClassDataTraining.RecordAsync(java, launchJar, classList, token), cancellationToken);
            var partial = archive + ".partial";
            await WithinAsync(DumpLimit, "java -Xshare:dump", token => DumpAsync(java, launchJar, classList, partial, token), cancellationToken);
            File.Move(partial, archive, overwrite: true);
            foreach (var removed in ClassDataPruning.PruneExcept(directory, key, DateTimeOffset.UtcNow))
            {
                LogPruned(log, removed, ClassDataPruning.UnusedFor.TotalDays);
            }

            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            LogPrepared(log, seconds);
            return new ClassDataArchive(launchJar, archive);
        }
        catch (Exception ex) when (ex is ClassDataException or IOException or UnauthorizedAccessException or InvalidDataException
            or Win32Exception or HttpRequestException or AmazonServiceException or AmazonClientException)
        {
            var reason = ex.Message;
            await File.WriteAllTextAsync(off, reason + Environment.NewLine, CancellationToken.None);
            LogOff(log, reason, off);
            return null;
        }
    }

    /// <summary>Runs a step under a time limit that also ends its java (cancelling kills the process it started).</summary>
    private static async Task WithinAsync(TimeSpan limit, string step, Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await run(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ClassDataException($"{step} took longer than {limit.TotalSeconds:0} s");
        }
    }

    /// <summary>
    /// The archive's name: the real java binary (a JDK update makes a new one), the jar it was made for, and the flags
    /// it is started with (they change which classes load, so a new flag trains a new archive).
    /// </summary>
    private static string Key(string java, string jar)
    {
        var binary = new FileInfo(java).ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? new FileInfo(java);
        var jarFile = new FileInfo(jar);
        var flags = string.Join(' ', DynamoDBLocalLaunch.JvmFlags.Concat(DynamoDBLocalLaunch.ServerFlags));
        var identity = $"{binary.FullName}|{binary.Length}|{binary.LastWriteTimeUtc.Ticks}|{jarFile.FullName}|{jarFile.Length}|{flags}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
    }

    private static async Task DumpAsync(string java, string launchJar, string classList, string archive, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(java,
        [
            "-Xshare:dump", $"-XX:SharedClassListFile={classList}", $"-XX:SharedArchiveFile={archive}",
            $"-Djava.library.path={LaunchJar.NativeLibraries(launchJar)}", "-cp", launchJar,
        ])
        {
            WorkingDirectory = Path.GetDirectoryName(launchJar)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info) ?? throw new ClassDataException($"{java} did not start");
        // The dump warns about every class it skips (hundreds of lines): only the last ones say why it failed.
        var lines = new Queue<string>();
        void Keep(string? line)
        {
            lock (lines)
            {
                if (line is { Length: > 0 })
                {
                    lines.Enqueue(line);
                    if (lines.Count > 3)
                    {
                        lines.Dequeue();
                    }
                }
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        if (process.ExitCode != 0)
        {
            string detail;
            lock (lines)
            {
                detail = string.Join(' ', lines);
            }

            throw new ClassDataException($"java -Xshare:dump exited with {process.ExitCode}: {detail}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Preparing DynamoDB Local's class-data archive ({Archive}), once per java: 10-25 s now, a faster start every time after")]
    private static partial void LogPreparing(ILogger logger, string archive);

    [LoggerMessage(Level = LogLevel.Information, Message = "Class-data archive ready in {Seconds:0.0} s")]
    private static partial void LogPrepared(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed class-data archive {Key}, unused for {Days:0} days")]
    private static partial void LogPruned(ILogger logger, string key, double days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DynamoDB Local starts without class-data sharing (about a second slower): {Reason}. Delete {OffFile} to try again.")]
    private static partial void LogOff(ILogger logger, string reason, string offFile);
}
