using System.Collections;
using MyService.Hosting.ApplicationModel;
using MyService.Hosting.OpenTelemetry;

namespace MyService.Hosting.Orchestration;

/// <summary>
/// Computes a resource's environment from the model (DESIGN §5): its endpoints, the OTLP settings, what its
/// references offer, and its own WithEnvironment values. Nothing here is specific to one resource.
/// </summary>
internal sealed class EnvironmentResolver(DistributedApplicationModel model, ResourceRunContext run, Microsoft.Extensions.Hosting.IHostEnvironment host)
{
    // Variables of the AppHost's own process that would mislead a child about itself.
    private static readonly string[] NotInherited = ["ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "DOTNET_LAUNCH_PROFILE", "OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES"];

    /// <summary>The full environment of the process: the AppHost's own, then the model's variables on top.</summary>
    public Dictionary<string, string> ForProcess(IResource resource, out Dictionary<string, string> modelVariables)
    {
        modelVariables = ModelVariables(resource);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (!NotInherited.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                environment[name] = (string?)entry.Value ?? "";
            }
        }

        foreach (var (name, value) in modelVariables)
        {
            environment[name] = value;
        }

        return environment;
    }

    /// <summary>Only the variables the model sets, in a stable order.</summary>
    public Dictionary<string, string> ModelVariables(IResource resource)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var endpoints = resource.Annotations.OfType<EndpointAnnotation>().Where(e => e.AllocatedEndpoint is not null).ToList();
        if (resource is ProjectResource)
        {
            if (endpoints.Count > 0)
            {
                variables["ASPNETCORE_URLS"] = string.Join(';', endpoints.Select(e => e.AllocatedEndpoint!.ToString()));
            }

            variables["ASPNETCORE_ENVIRONMENT"] = host.EnvironmentName;
            variables["DOTNET_ENVIRONMENT"] = host.EnvironmentName;
            foreach (var collector in model.Resources.OfType<OpenTelemetryCollectorResource>().Take(1))
            {
                collector.AddServiceEnvironment(resource, run, variables);
            }
        }

        foreach (var endpoint in endpoints.Where(e => e.EnvironmentVariable is not null))
        {
            variables[endpoint.EnvironmentVariable!] = endpoint.AllocatedEndpoint!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var reference in resource.Annotations.OfType<ResourceReferenceAnnotation>())
        {
            if (reference.Resource is IResourceWithConnectionString withConnectionString
                && withConnectionString.GetConnectionString(run) is { } connectionString)
            {
                variables[$"ConnectionStrings__{reference.Resource.Name}"] = connectionString;
            }

            if (reference.Resource is IResourceWithReferenceEnvironment contributor)
            {
                contributor.AddReferenceEnvironment(run, variables);
            }
        }

        var context = new EnvironmentCallbackContext(run, variables);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            callback.Callback(context);
        }

        return variables;
    }

    /// <summary>What may be shown (console, dashboard): secret parameters and credentials masked.</summary>
    public static Dictionary<string, string> Masked(IResource resource, IReadOnlyDictionary<string, string> variables)
    {
        var secretNames = resource.Annotations.OfType<EnvironmentParameterAnnotation>()
            .Where(a => a.Parameter.Secret).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        return variables.ToDictionary(
            v => v.Key,
            v => secretNames.Contains(v.Key) || SecretVariables.IsSecret(v.Key) ? SecretVariables.Mask : v.Value,
            StringComparer.Ordinal);
    }
}
