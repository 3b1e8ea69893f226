using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MyService.Hosting.ApplicationModel;

namespace MyService.Hosting.Testing;

/// <summary>Aspire.Hosting.Testing's helpers on a running app.</summary>
public static class DistributedApplicationHostingTestingExtensions
{
    /// <summary>An HttpClient whose base address is the resource's endpoint.</summary>
    public static HttpClient CreateHttpClient(this DistributedApplication app, string resourceName, string? endpointName = null) =>
        new() { BaseAddress = app.GetEndpoint(resourceName, endpointName) };

    public static Uri GetEndpoint(this DistributedApplication app, string resourceName, string? endpointName = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var resource = app.Services.GetRequiredService<DistributedApplicationModel>().Find(resourceName);
        return resource.GetEndpoint(endpointName ?? "http").AllocatedEndpoint?.Uri
            ?? throw new InvalidOperationException($"The endpoint of '{resourceName}' is not allocated yet; start the app first.");
    }

    public static Task<string?> GetConnectionStringAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var resource = app.Services.GetRequiredService<DistributedApplicationModel>().Find(resourceName);
        if (resource is not IResourceWithConnectionString withConnectionString)
        {
            throw new ArgumentException($"Resource '{resourceName}' has no connection string.", nameof(resourceName));
        }

        var context = new ResourceRunContext(app.Services.GetRequiredService<DistributedApplicationOptions>(), app.Services.GetRequiredService<IConfiguration>());
        return Task.FromResult(withConnectionString.GetConnectionString(context));
    }
}
