namespace MyService.Hosting.ApplicationModel;

/// <summary>WithHttpHealthCheck: the orchestrator polls this path; it drives Running -> Healthy and gates WaitFor.</summary>
public sealed class HttpHealthCheckAnnotation(string path, string endpointName) : IResourceAnnotation
{
    public string Path { get; } = path;

    public string EndpointName { get; } = endpointName;
}
