namespace MyService.Hosting.ApplicationModel;

/// <summary>Receives environment variables (projects, executables).</summary>
public interface IResourceWithEnvironment : IResource;

/// <summary>Receives command-line arguments.</summary>
public interface IResourceWithArgs : IResource;

/// <summary>Has endpoints (<see cref="EndpointAnnotation"/>).</summary>
public interface IResourceWithEndpoints : IResource;

/// <summary>Can be waited for with WaitFor.</summary>
public interface IResourceWithWaitSupport : IResource;

/// <summary>Belongs to another resource (a table to its DynamoDB Local); it starts and stops with it.</summary>
public interface IResourceWithParent : IResource
{
    IResource Parent { get; }
}

/// <summary>A resource whose connection string a reference injects as <c>ConnectionStrings__{name}</c>.</summary>
public interface IResourceWithConnectionString : IResource
{
    /// <summary>The connection string once the resource has its run-time values (paths, ports); null before.</summary>
    string? GetConnectionString(ResourceRunContext context);
}

/// <summary>A resource that contributes its own variables to those that reference it (DESIGN §5).</summary>
public interface IResourceWithReferenceEnvironment : IResource
{
    void AddReferenceEnvironment(ResourceRunContext context, IDictionary<string, string> environment);
}
