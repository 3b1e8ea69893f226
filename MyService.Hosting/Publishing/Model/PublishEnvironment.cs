using System.Collections.Frozen;
using System.Globalization;

namespace MyService.Hosting.Publishing.Model;

/// <summary>
/// A project's environment in publish form: the names the services read, with deployed values (no local URLs, paths or
/// parameter values), from its own callbacks run in publish mode and the declarations on it and on what it references.
/// </summary>
internal sealed class PublishEnvironment
{
    // What Aspire injects to wire a project up locally, published otherwise (the port, forwarded headers behind a load
    // balancer); the OTEL_DOTNET_EXPERIMENTAL_ switches tune the SDK for the local dashboard.
    private static readonly FrozenSet<string> HostWiring = new[]
    {
        "ASPNETCORE_URLS", "HTTP_PORTS", "HTTPS_PORTS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORT", "ASPNETCORE_HTTPS_PORTS",
        "ASPNETCORE_FORWARDEDHEADERS_ENABLED", "DOTNET_LAUNCH_PROFILE",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly string[] HostWiringPrefixes = ["OTEL_DOTNET_EXPERIMENTAL_", "Kestrel__Endpoints__"];

    public SortedDictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, SecretReference> Secrets { get; } = new(StringComparer.Ordinal);

    /// <summary>Variables left out because nothing deployed answers to them, with why (for the log).</summary>
    public List<string> Omitted { get; } = [];

    /// <summary>The declarations applied for this project: volumes, dependencies, a sidecar, the single-task limit.</summary>
    public List<EcsDeploymentContext> Declarations { get; } = [];

    /// <param name="endpoints">Every service's published endpoint, as references to them are published.</param>
    public static async Task<PublishEnvironment> BuildAsync(
        ProjectResource project, DistributedApplicationExecutionContext executionContext, string applicationName, IReadOnlyDictionary<IResource, ServiceEndpoint> endpoints,
        FsdServiceOptions settings, CancellationToken cancellationToken)
    {
        var (published, endpoint) = (new PublishEnvironment(), endpoints.GetValueOrDefault(project));
        published.Variables["ASPNETCORE_ENVIRONMENT"] = published.Variables["DOTNET_ENVIRONMENT"] = "Production";
        if (endpoint is not null)
        {
            published.Variables["ASPNETCORE_HTTP_PORTS"] = endpoint.Port.ToString(CultureInfo.InvariantCulture);
        }

        if (endpoint is not null && settings.LoadBalanced != false)
        {
            // Behind the ALB: the scheme and client address come from X-Forwarded-*.
            published.Variables["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true";
        }

        published.Declarations.AddRange(Declare(project, applicationName, settings));
        var connectionStrings = published.Declarations.Where(d => d.ConnectionString is not null).ToDictionary(d => d.Resource, d => d.ConnectionString!);
        var mapper = new PublishedValues(endpoints, connectionStrings);
        await published.AddCallbackVariablesAsync(project, new EnvironmentCallbackContext(executionContext, project, cancellationToken: cancellationToken), applicationName, mapper);
        foreach (var (name, value) in published.Declarations.SelectMany(d => d.Environment))
        {
            published.Variables[name] = value;
        }

        if (published.Declarations.SelectMany(d => d.Volumes).GroupBy(v => v.MountPath).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new DistributedApplicationException($"'{project.Name}' would mount {string.Join(" and ", clash.Select(v => v.Name))} at {clash.Key}: one volume per mount path.");
        }

        return published;
    }

    /// <summary>The declarations of the project and of what it references (WithReference), applied for it; a reference to what has neither fails.</summary>
    private static IEnumerable<EcsDeploymentContext> Declare(ProjectResource project, string applicationName, FsdServiceOptions settings)
    {
        var referenced = project.Annotations.OfType<ResourceRelationshipAnnotation>().Where(r => r.Type == "Reference").Select(r => r.Resource).Distinct();
        foreach (var resource in referenced.Prepend(project))
        {
            var annotations = resource.Annotations.OfType<EcsDeploymentAnnotation>().ToList();
            if (annotations.Count == 0 && resource is not (ProjectResource or ParameterResource or IResourceWithConnectionString))
            {
                throw new DistributedApplicationException(
                    $"'{project.Name}' references '{resource.Name}' ({resource.GetType().Name}), which declares no deployed form (an {nameof(EcsDeploymentAnnotation)}).");
            }

            foreach (var annotation in annotations)
            {
                var context = new EcsDeploymentContext(project, resource, applicationName, settings.Permissions.TryGetValue(resource.Name, out var chosen) ? chosen : null);
                annotation.Apply(context);
                yield return context;
            }
        }
    }

    /// <summary>The project's WithEnvironment and WithReference callbacks, evaluated in publish mode as Aspire's own publishers do.</summary>
    private async Task AddCallbackVariablesAsync(ProjectResource project, EnvironmentCallbackContext callbackContext, string applicationName, PublishedValues mapper)
    {
        foreach (var callback in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(callbackContext);
        }

        foreach (var (name, value) in callbackContext.EnvironmentVariables.Where(v => !HostWiring.Contains(v.Key) && !HostWiringPrefixes.Any(p => v.Key.StartsWith(p, StringComparison.OrdinalIgnoreCase))))
        {
            var mapped = mapper.Map(project, name, value);
            if (mapped.Secret is { } secret)
            {
                // A full Secrets Manager ARN; region and account are deploy-time placeholders, the secret named per environment.
                Secrets[name] = new SecretReference(name, $"arn:aws:secretsmanager:${{AWS_REGION}}:${{AWS_ACCOUNT_ID}}:secret:{applicationName}/{EcsDeploymentContext.EnvironmentPlaceholder}/{secret}");
                Variables.Remove(name);
            }
            else if (mapped.Plain is { } plain)
            {
                Variables[name] = plain;
            }
            else
            {
                Omitted.Add($"{name}: {mapped.Omitted}");
            }
        }
    }
}
