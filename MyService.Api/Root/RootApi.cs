using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MyService.Api.Root;

/// <summary>GET / : which service and version answered (useful behind a load balancer).</summary>
public static class RootApi
{
    public static IEndpointRouteBuilder MapRootApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", GetServiceInfo)
            .WithTags("Service")
            .WithName("getServiceInfo")
            .WithSummary("Which service and version answered")
            .WithDescription("The service's name, version and environment: useful behind a load balancer.");
        return app;
    }

    public static Ok<ServiceInfo> GetServiceInfo(IHostEnvironment environment) =>
        TypedResults.Ok(new ServiceInfo(environment.ApplicationName, ServiceVersion, environment.EnvironmentName));

    // The informational version without the "+commit" suffix the SDK appends.
    private static readonly string ServiceVersion =
        typeof(RootApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}

public sealed record ServiceInfo(string Service, string Version, string Environment);
