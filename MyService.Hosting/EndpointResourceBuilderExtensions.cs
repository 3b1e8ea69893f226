using MyService.Hosting.ApplicationModel;

namespace MyService.Hosting;

public static class EndpointResourceBuilderExtensions
{
    /// <summary>An HTTP endpoint; <paramref name="port"/> fixes the local port (null: a free one).</summary>
    public static IResourceBuilder<T> WithHttpEndpoint<T>(
        this IResourceBuilder<T> builder, int? port = null, int? targetPort = null, string? name = null, string? env = null)
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        var endpointName = name ?? "http";
        if (builder.Resource.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == endpointName))
        {
            throw new DistributedApplicationException($"'{builder.Resource.Name}' already has an endpoint named '{endpointName}'.");
        }

        return builder.WithAnnotation(new EndpointAnnotation(endpointName, "http", port, targetPort ?? port) { EnvironmentVariable = env });
    }

    /// <summary>Marks every HTTP endpoint external: a public load balancer when published (internal otherwise).</summary>
    public static IResourceBuilder<T> WithExternalHttpEndpoints<T>(this IResourceBuilder<T> builder) where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var endpoint in builder.Resource.Annotations.OfType<EndpointAnnotation>())
        {
            endpoint.IsExternal = true;
        }

        return builder;
    }

    /// <summary>Polls <paramref name="path"/> on the endpoint; a 2xx answer makes the resource Healthy.</summary>
    public static IResourceBuilder<T> WithHttpHealthCheck<T>(this IResourceBuilder<T> builder, string path = "/health", string? endpointName = null)
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        var endpoint = endpointName ?? "http";
        if (!builder.Resource.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == endpoint))
        {
            throw new DistributedApplicationException(
                $"'{builder.Resource.Name}' has no endpoint '{endpoint}' for its health check; call WithHttpEndpoint first.");
        }

        return builder.WithAnnotation(new HttpHealthCheckAnnotation(path, endpoint));
    }

    public static EndpointAnnotation GetEndpoint(this IResource resource, string name = "http") =>
        resource.Annotations.OfType<EndpointAnnotation>().FirstOrDefault(e => e.Name == name)
        ?? throw new ArgumentException($"Resource '{resource.Name}' has no endpoint named '{name}'.", nameof(name));
}
