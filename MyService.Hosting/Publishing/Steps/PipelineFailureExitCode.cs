using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MyService.Hosting.Publishing.Steps;

/// <summary>
/// Makes a failed pipeline fail the process. Under plain <c>dotnet run</c> (no Aspire CLI attached) Aspire's pipeline
/// executor rethrows a failed step from its background service; the host logs that, stops, and
/// <c>DistributedApplication.Run()</c> returns normally, so the process would exit 0. This sets the exit code to 1 when
/// any background service ended faulted. Under the Aspire CLI the executor reports the failure over the backchannel
/// instead (and does not fault); the CLI's own exit code says it.
/// </summary>
internal sealed class PipelineFailureExitCode(IServiceProvider services, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // ApplicationStopped fires after every hosted service has stopped, so each background task has its final state.
        lifetime.ApplicationStopped.Register(SetExitCodeOnFailure);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether a background service of the app (in publish mode: Aspire's pipeline executor) ended with an exception.</summary>
    public static bool HasFailed(IEnumerable<IHostedService> hostedServices) =>
        hostedServices.OfType<BackgroundService>().Any(s => s.ExecuteTask is { IsFaulted: true });

    private void SetExitCodeOnFailure()
    {
        if (HasFailed(services.GetServices<IHostedService>()) && Environment.ExitCode == 0)
        {
            Environment.ExitCode = 1;
        }
    }
}
