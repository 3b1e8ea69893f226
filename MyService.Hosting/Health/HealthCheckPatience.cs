using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MyService.Hosting.Health;

/// <summary>Wraps every health check registration of the AppHost (all of them are resources' checks) in <see cref="PatientHealthCheck"/>.</summary>
internal sealed class HealthCheckPatience(TimeSpan patience) : IPostConfigureOptions<HealthCheckServiceOptions>
{
    public void PostConfigure(string? name, HealthCheckServiceOptions options)
    {
        foreach (var registration in options.Registrations)
        {
            var factory = registration.Factory;
            var last = new PatientHealthCheck.LastReport();
            registration.Factory = services => new PatientHealthCheck(factory(services), patience, services.GetService<TimeProvider>() ?? TimeProvider.System, last);
        }
    }
}
