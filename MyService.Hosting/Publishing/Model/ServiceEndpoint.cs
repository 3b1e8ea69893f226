namespace MyService.Hosting.Publishing.Model;

/// <summary>The one HTTP endpoint a service publishes and its container port; the load balancer terminates TLS, so <c>http</c> wins over <c>https</c>.</summary>
internal sealed record ServiceEndpoint(string Name, string Scheme, int Port, bool IsExternal)
{
    /// <summary>
    /// Null for a resource without an HTTP endpoint. The port is the target port Aspire resolves for the endpoint, else
    /// its port (<c>WithHttpEndpoint(port: 8000)</c>), else 8080, the images' <c>ASPNETCORE_HTTP_PORTS</c>: Aspire leaves both unset for a project's
    /// launch-profile endpoint in publish mode, so the AppHost names it (<c>WithContainerPort</c>).
    /// </summary>
    public static ServiceEndpoint? Of(IResource resource)
    {
        var endpoints = resource.ResolveEndpoints().Where(e => e.Endpoint.UriScheme is "http" or "https").ToList();
        var chosen = endpoints.FirstOrDefault(e => e.Endpoint.Name == "http") ?? endpoints.FirstOrDefault(e => e.Endpoint.UriScheme == "http") ?? endpoints.FirstOrDefault();
        return chosen is null ? null : new(chosen.Endpoint.Name, chosen.Endpoint.UriScheme, chosen.TargetPort.Value ?? chosen.ExposedPort.Value ?? 8080, chosen.Endpoint.IsExternal);
    }
}
