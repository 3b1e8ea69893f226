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
                environment[$"services__{Name}__{endpoint.Name}__0"] = allocated.ToString();
                environment[$"{Name.ToUpperInvariant().Replace('-', '_')}_{endpoint.Name.ToUpperInvariant()}"] = allocated.ToString();
            }
        }
    }
}
