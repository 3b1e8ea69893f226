namespace MyService.Hosting.ApplicationModel;

/// <summary>Adds environment variables when the resource starts, from values known only then.</summary>
public sealed class EnvironmentCallbackAnnotation(Action<EnvironmentCallbackContext> callback) : IResourceAnnotation
{
    public Action<EnvironmentCallbackContext> Callback { get; } = callback;
}

public sealed class EnvironmentCallbackContext(ResourceRunContext context, IDictionary<string, string> variables)
{
    public ResourceRunContext RunContext { get; } = context;

    public IDictionary<string, string> EnvironmentVariables { get; } = variables;
}
