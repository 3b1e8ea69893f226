using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MyService.Hosting.Publishing.Steps;

/// <summary>
/// Makes a failed pipeline fail the process. Under plain <c>dotnet run</c> Aspire's pipeline executor rethrows a failed
/// step from its background service, the host stops and <c>Run()</c> returns normally: exit 0. This sets 1 when a
/// background service ended faulted. Under the Aspire CLI the failure goes over the backchannel and the CLI exits non-zero.
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
