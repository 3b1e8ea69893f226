using MyService.Hosting.Publishing.Model;

namespace MyService.Hosting.Publishing;

/// <summary>
/// How a project is deployed, set with <c>PublishAsFsdService(o => ...)</c>. Anything left null takes the default
/// for the kind of service (<see cref="DeploymentDefaults"/>): an HTTP service gets an internal load balancer and its
/// model health check, a service without an endpoint none, and a SQLite user exactly one task.
/// </summary>
public sealed class FsdServiceOptions
{
    /// <summary>The FSD environments a service deploys to (<c>fsd deploy --env</c>); the deploy workflow maps staging and main onto two of them.</summary>
    public static readonly IReadOnlyList<string> KnownEnvironments = ["dev", "staging", "prod"];

    private readonly SortedDictionary<string, FsdEnvironmentOverrides> _environments = new(StringComparer.Ordinal);

    /// <summary>FSD <c>metadata.pack</c>: the platform template the service is deployed with.</summary>
    public string Pack { get; set; } = "dotnet";

    /// <summary>FSD <c>metadata.owners</c>: teams or people who answer for the service.</summary>
    public IList<string> Owners { get; } = [];

    /// <summary>Task CPU units (256 = 0.25 vCPU); with <see cref="Memory"/> a Fargate size.</summary>
    public int? Cpu { get; set; }

    /// <summary>Task memory in MiB.</summary>
    public int? Memory { get; set; }

    // Task counts; unset: by kind (an HTTP service 2, 2-6; a worker or single-task service 1).
    public int? DesiredCount { get; set; }
    public int? MinCapacity { get; set; }
    public int? MaxCapacity { get; set; }

    /// <summary>Target average CPU utilisation (percent) for target tracking.</summary>
    public int? TargetCpuUtilization { get; set; }

    public int? TargetMemoryUtilization { get; set; }
    public int? ScaleInCooldownSeconds { get; set; }
    public int? ScaleOutCooldownSeconds { get; set; }

    /// <summary>CloudWatch Logs retention in days (one of the values CloudWatch accepts).</summary>
    public int? LogRetentionDays { get; set; }

    /// <summary>
    /// Null (default): an HTTP endpoint goes behind a load balancer. False: the endpoint only answers health probes
    /// from inside the task (a worker): no load balancer, no <c>service.port</c>, one task by default; the container
    /// health check still probes it.
    /// </summary>
    public bool? LoadBalanced { get; set; }

    /// <summary>
    /// The HTTP path of the app's health endpoint (load balancer and container health checks). Null: the path of the
    /// project's <c>WithHttpProbe</c> (readiness first), else <c>/health</c> (ServiceDefaults' MapDefaultEndpoints).
    /// Aspire's <c>WithHttpHealthCheck(path)</c> keeps its path only inside a health check registration, where nothing
    /// can read it back: a project whose health endpoint is not <c>/health</c> says so here or with <c>WithHttpProbe</c>.
    /// </summary>
    public string? HealthCheckPath { get; set; }

    /// <summary>ACM certificate of the HTTPS listener; required for an external endpoint.</summary>
    public string? CertificateArn { get; set; }

    /// <summary>The container health check's command; default: the service binary's <c>--health-probe</c> (as in its Dockerfile).</summary>
    public IReadOnlyList<string>? ContainerHealthCheckCommand { get; set; }

    /// <summary>The container's user; default 1654, the <c>$APP_UID</c> of the .NET images the Dockerfiles use.</summary>
    public string User { get; set; } = DeploymentDefaults.NonRootUser;

    /// <summary>The actions granted on each referenced resource (by resource name), which its declaration reads; unset: its default (a table: item reads and writes).</summary>
    public IDictionary<string, IReadOnlyList<string>> Permissions { get; } = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, FsdEnvironmentOverrides> Environments => _environments;

    /// <summary>Values that differ in one environment (e.g. prod larger); published as <c>fsd deploy --override</c> flags.</summary>
    public FsdServiceOptions ForEnvironment(string environment, Action<FsdEnvironmentOverrides> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        if (!KnownEnvironments.Contains(environment))
        {
            throw new DistributedApplicationException(
                $"Unknown environment '{environment}'. Use one of: {string.Join(", ", KnownEnvironments)}.");
        }

        if (!_environments.TryGetValue(environment, out var overrides))
        {
            _environments[environment] = overrides = new FsdEnvironmentOverrides();
        }

        configure(overrides);
        return this;
    }
}
