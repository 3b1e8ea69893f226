using MyService.Hosting.Publishing.Model;

namespace MyService.Hosting.Publishing;

/// <summary>What one declaration (<see cref="EcsDeploymentAnnotation"/>) gives one deployed service.</summary>
public sealed class EcsDeploymentContext
{
    internal EcsDeploymentContext(IResource service, IResource resource, string applicationName, IReadOnlyList<string>? requestedPermissions)
    {
        (Service, Resource, ApplicationName, RequestedPermissions) = (service, resource, applicationName, requestedPermissions);
    }

    /// <summary>The deploying environment's name (<c>dev</c>, <c>staging</c>, <c>prod</c>), filled in at deploy time.</summary>
    public const string EnvironmentPlaceholder = "${ENV}";

    // The deployed service; the resource whose annotation this is (what the service references, or the service itself);
    // the prefix of every deployed name (shop in shop-api); the actions PublishAsFsdService(o => o.Permissions[resource]) names.
    public IResource Service { get; }
    public IResource Resource { get; }
    public string ApplicationName { get; }
    public IReadOnlyList<string>? RequestedPermissions { get; }

    /// <summary>Variables the service gets on ECS; they replace what its run-mode environment callbacks gave.</summary>
    public IDictionary<string, string> Environment { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The deployed value of <c>ConnectionStrings__{resource}</c>, in plain environment; null: a secret (it carries credentials).</summary>
    public string? ConnectionString { get; set; }

    public IList<DeployedVolume> Volumes { get; } = [];
    public IList<DeployedDependency> Dependencies { get; } = [];

    /// <summary>A container beside the service's in every task.</summary>
    public DeployedSidecar? Sidecar { get; set; }

    /// <summary>The service must never run two tasks at once (a single writer): one task, old stopped before new starts.</summary>
    public bool SingleTask { get; set; }

    /// <summary><c>{name}-${ENV}</c>: the name of something deployed once per environment.</summary>
    public static string PerEnvironment(string name) => $"{name}-{EnvironmentPlaceholder}";

    /// <summary><c>db</c>, <c>file_system_id</c> -> <c>${DB_FILE_SYSTEM_ID}</c>, which the deploy workflow fills in from the GitHub environment.</summary>
    public static string Placeholder(params string[] parts) => Placeholders.Of(parts);
}
