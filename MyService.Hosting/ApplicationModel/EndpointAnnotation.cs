namespace MyService.Hosting.ApplicationModel;

/// <summary>
/// A network endpoint. <see cref="Port"/> is the host port (null: any free port); <see cref="TargetPort"/> the port the
/// process listens on when published (defaults to <see cref="Port"/>). Locally nothing proxies, so the process
/// listens on the allocated port itself.
/// </summary>
public sealed class EndpointAnnotation(string name, string scheme = "http", int? port = null, int? targetPort = null) : IResourceAnnotation
{
    public string Name { get; } = name;

    public string Scheme { get; } = scheme;

    public int? Port { get; set; } = port;

    public int? TargetPort { get; set; } = targetPort;

    /// <summary>A variable that tells the process its port (e.g. PORT), for executables that do not read ASPNETCORE_URLS.</summary>
    public string? EnvironmentVariable { get; set; }

    /// <summary>Reachable from outside the VPC when published (a public load balancer).</summary>
    public bool IsExternal { get; set; }

    /// <summary>Set by the orchestrator when the resource starts.</summary>
    public AllocatedEndpoint? AllocatedEndpoint { get; set; }
}

public sealed record AllocatedEndpoint(string Scheme, string Host, int Port)
{
    public Uri Uri => new($"{Scheme}://{Host}:{Port}");

    public override string ToString() => $"{Scheme}://{Host}:{Port}";
}
