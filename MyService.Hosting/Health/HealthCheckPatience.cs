using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MyService.Hosting.Health;

/// <summary>
/// Wraps every health check registration of the AppHost (all of them are resources' checks) in
/// <see cref="PatientHealthCheck"/>, and keeps what each registration last reported across the check instances.
/// </summary>
internal sealed class HealthCheckPatience(TimeSpan patience) : IPostConfigureOptions<HealthCheckServiceOptions>
{
    private readonly ConcurrentDictionary<string, PatientHealthCheck.LastReport> _reports = new(StringComparer.Ordinal);

    public void PostConfigure(string? name, HealthCheckServiceOptions options)
    {
        foreach (var registration in options.Registrations)
        {
            var factory = registration.Factory;
            var last = _reports.GetOrAdd(registration.Name, _ => new());
            registration.Factory = services => new PatientHealthCheck(factory(services), patience, services.GetService<TimeProvider>() ?? TimeProvider.System, last);
        }
    }

    /// <summary>A resource (re)starting is a start again: its checks get their patience back, not the last Healthy.</summary>
    public void Forget(IResource resource)
    {
        foreach (var check in resource.Annotations.OfType<HealthCheckAnnotation>())
        {
            if (_reports.TryGetValue(check.Key, out var last))
            {
                last.WasHealthy = false;
            }
        }
    }
}
