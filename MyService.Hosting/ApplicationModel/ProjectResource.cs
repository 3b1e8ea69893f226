namespace MyService.Hosting.ApplicationModel;

/// <summary>Generated per referenced project (<c>Projects.MyService_Api</c>) by build/MyService.Hosting.targets.</summary>
public interface IProjectMetadata
{
    /// <summary>The .csproj file.</summary>
    string ProjectPath { get; }

    /// <summary>The built assembly that is started (<c>dotnet {TargetPath}</c>).</summary>
    string TargetPath { get; }
}

/// <summary>A .NET project of the solution, started from its build output with the project directory as working directory.</summary>
public sealed class ProjectResource(string name, IProjectMetadata metadata)
    : Resource(name), IResourceWithEnvironment, IResourceWithArgs, IResourceWithEndpoints, IResourceWithWaitSupport, IResourceWithReferenceEnvironment
{
    public IProjectMetadata Metadata { get; } = metadata;

    /// <summary>services__{name}__{endpoint}__0 and {NAME}_{ENDPOINT}, as Aspire's service discovery reads them.</summary>
    public void AddReferenceEnvironment(ResourceRunContext context, IDictionary<string, string> environment)
    {
        foreach (var endpoint in Annotations.OfType<EndpointAnnotation>())
        {
            if (endpoint.AllocatedEndpoint is { } allocated)
            {
                foreach (var variable in ReferenceVariables(Name, endpoint.Name))
                {
                    environment[variable] = allocated.ToString();
                }
            }
        }
    }

    /// <summary>Aspire's names for a referenced endpoint (DESIGN §5), in run mode and in published files alike.</summary>
    internal static string[] ReferenceVariables(string service, string endpoint) =>
        [$"services__{service}__{endpoint}__0", $"{service.ToUpperInvariant().Replace('-', '_')}_{endpoint.ToUpperInvariant().Replace('-', '_')}"];
}
