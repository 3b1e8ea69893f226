using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyService.Hosting.Orchestration;
using MyService.Hosting.Publishing;
using MyService.Hosting.Testing;

namespace MyService.Hosting;

/// <summary>The built app: <c>Run()</c> starts every resource and stops them all on Ctrl+C or SIGTERM.</summary>
public sealed class DistributedApplication(IHost host) : IHost, IAsyncDisposable
{
    public IServiceProvider Services => host.Services;

    public ResourceNotificationService ResourceNotifications => Services.GetRequiredService<ResourceNotificationService>();

    public ResourceLoggerService ResourceLogs => Services.GetRequiredService<ResourceLoggerService>();

    public ResourceCommandService ResourceCommands => Services.GetRequiredService<ResourceCommandService>();

    public static IDistributedApplicationBuilder CreateBuilder(string[] args)
    {
        var options = new DistributedApplicationOptions { Args = args, AppHostDirectory = FindAppHostDirectory() };
        if (PublishCommandLine.TryParse(args, out var publishing, out var hostArgs))
        {
            options.Publishing = publishing;
            options.Args = hostArgs;
        }

        TestingHook.Current?.ConfigureOptions(options);
        return new DistributedApplicationBuilder(options);
    }

    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options) => new DistributedApplicationBuilder(options);

    /// <summary>Run mode: the system until Ctrl+C. Publish mode: writes or validates the deployment files, starts nothing, and sets the exit code.</summary>
    public void Run() => RunAsync().GetAwaiter().GetResult();

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (Services.GetRequiredService<DistributedApplicationExecutionContext>().IsPublishMode)
        {
            var result = await Services.GetRequiredService<DeploymentPublisher>().RunAsync(cancellationToken);
            // The AppHost's Program ends with Run(), so the process's exit code is how CI sees a failed publish.
            System.Environment.ExitCode = result.ExitCode;
            return;
        }

        try
        {
            Services.GetRequiredService<Orchestrator>().ClaimDataDirectory();
            await host.RunAsync(cancellationToken);
        }
        catch (DistributedApplicationException ex)
        {
            // A problem with the model or its configuration, worded for the user: the message, not a stack trace.
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            System.Environment.ExitCode = 1;
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        Services.GetRequiredService<Orchestrator>().ClaimDataDirectory();
        await host.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken = default) => host.StopAsync(cancellationToken);

    public void Dispose() => host.Dispose();

    public async ValueTask DisposeAsync()
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }

    /// <summary>The AppHost's project directory, recorded at build time by build/MyService.Hosting.targets.</summary>
    private static string FindAppHostDirectory()
    {
        var recorded = Assembly.GetEntryAssembly()?.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "AppHostProjectDirectory")?.Value;
        if (TestingHook.Current?.AppHostAssembly is { } appHost)
        {
            recorded = appHost.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "AppHostProjectDirectory")?.Value;
        }

        return recorded is not null && Directory.Exists(recorded) ? recorded : Directory.GetCurrentDirectory();
    }
}
