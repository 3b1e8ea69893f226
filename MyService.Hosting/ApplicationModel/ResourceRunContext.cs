using Microsoft.Extensions.Configuration;

namespace MyService.Hosting.ApplicationModel;

/// <summary>What a resource needs to know at start: where data lives, the mode, configuration.</summary>
public sealed class ResourceRunContext(DistributedApplicationOptions options, IConfiguration configuration)
{
    public DistributedApplicationOptions Options { get; } = options;

    public IConfiguration Configuration { get; } = configuration;

    /// <summary>The persistent (or, in tests, throw-away) directory for <paramref name="resource"/>'s data.</summary>
    public string DataDirectoryFor(IResource resource) => Path.Combine(Options.DataDirectory, resource.Name);
}
