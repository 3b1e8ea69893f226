using MyService.Hosting.Publishing.Model;

namespace MyService.Hosting.Publishing;

/// <summary>
/// How a project is deployed, set with <c>PublishAsFsdService(o => ...)</c>. Anything left null takes the default for
/// its kind of service: an HTTP service gets an internal load balancer and its model health check, a service without
/// an endpoint none, a single-task service (SQLite) exactly one task.
/// </summary>
public sealed class FsdServiceOptions
{
    /// <summary>The FSD environments a service deploys to (<c>fsd deploy --env</c>); the workflow maps branches onto them.</summary>
    public static readonly IReadOnlyList<string> KnownEnvironments = ["dev", "staging", "prod"];

    private readonly SortedDictionary<string, FsdEnvironmentOverrides> _environments = new(StringComparer.Ordinal);

    /// <summary>FSD <c>metadata.pack</c>: the platform template the service is deployed with.</summary>
    public string Pack { get; set; } = "dotnet";

    /// <summary>FSD <c>metadata.owners</c>: teams or people who answer for the service.</summary>
    public IList<string> Owners { get; } = [];

    // Task CPU units (256 = 0.25 vCPU) and memory (MiB), a Fargate size; counts, by kind when unset (HTTP 2, 2-6; else 1).
    public int Cpu { get; set; } = 256;
    public int Memory { get; set; } = 512;
    public int? DesiredCount { get; set; }
    public int? MinCapacity { get; set; }
    public int? MaxCapacity { get; set; }

    // Target tracking: average CPU and memory utilisation (percent), cooldowns (seconds).
    public int TargetCpuUtilization { get; set; } = 70;
    public int TargetMemoryUtilization { get; set; } = 80;
    public int ScaleInCooldownSeconds { get; set; } = 300;
    public int ScaleOutCooldownSeconds { get; set; } = 60;

    /// <summary>CloudWatch Logs retention in days (one of the values CloudWatch accepts).</summary>
    public int LogRetentionDays { get; set; } = 30;

    /// <summary>False: the endpoint only answers health probes from inside the task (a worker): no load balancer, no <c>service.port</c>, one task.</summary>
    public bool? LoadBalanced { get; set; }

    /// <summary>
    /// The app's health endpoint; null: the path of the project's <c>WithHttpProbe</c> (readiness first), else
    /// <c>/health</c>. Aspire's <c>WithHttpHealthCheck(path)</c> keeps its path inside a health check registration,
    /// where nothing can read it back, so a project whose health endpoint is not <c>/health</c> names it here or with a probe.
    /// </summary>
    public string? HealthCheckPath { get; set; }

    /// <summary>ACM certificate of the HTTPS listener; required for an external endpoint.</summary>
    public string? CertificateArn { get; set; }

    /// <summary>The container health check's command; default: the service binary's <c>--health-probe</c> (as in its Dockerfile).</summary>
    public IReadOnlyList<string>? ContainerHealthCheckCommand { get; set; }

    /// <summary>The container's user; default 1654, the <c>$APP_UID</c> of the .NET images.</summary>
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
            throw new DistributedApplicationException($"Unknown environment '{environment}'. Use one of: {string.Join(", ", KnownEnvironments)}.");
        }

        _environments.TryAdd(environment, new FsdEnvironmentOverrides());
        configure(_environments[environment]);
        return this;
    }
}
