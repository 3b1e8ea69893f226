using MyService.Hosting;
using MyService.Hosting.Testing;

namespace MyService.Tests.Hosting;

public static class AppEndpoints
{
    public static Uri GetEndpointUri(this DistributedApplication app, string resource, string endpoint = "http") => app.GetEndpoint(resource, endpoint);
}
