using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using MyService.Hosting.Shared;

namespace MyService.Hosting.Ports;

/// <summary>
/// Finds the fixed ports of the model and the dashboard that another process already holds. DCP's proxy would fail
/// to bind them without a word, leaving the resource Running and Unhealthy (or the dashboard's login URL pointing at
/// someone else's server); checking before DCP starts lets the AppHost say so instead.
/// </summary>
internal static class FixedPortCheck
{
    /// <summary>The dashboard's addresses, from the AppHost's launch profile (Properties/launchSettings.json).</summary>
    private static readonly (string Key, string Name)[] DashboardSettings =
    [
        ("ASPNETCORE_URLS", "dashboard"),
        ("ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL", "otlp-http"),
        ("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "otlp-grpc"),
        ("ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL", "resource-service"),
    ];

    public static IReadOnlyList<TakenPort> Dashboard(IConfiguration configuration)
    {
        var taken = new List<TakenPort>();
        foreach (var (key, name) in DashboardSettings)
        {
            foreach (var url in (configuration[key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Port > 0 && IsTaken(uri.Port))
                {
                    taken.Add(new(AspireInternals.DashboardResourceName, name, uri.Port, Describe(uri.Port),
                        $"Stop that process, or change {(key == "ASPNETCORE_URLS" ? "applicationUrl" : key)} in MyService.AppHost/Properties/launchSettings.json (or set {key} in the environment)."));
                }
            }
        }

        return taken;
    }

    public static IReadOnlyList<TakenPort> Resources(DistributedApplicationModel model, string appHostDirectory)
    {
        var taken = new List<TakenPort>();
        foreach (var resource in model.Resources)
        {
            foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>().Where(e => e.Port is > 0))
            {
                if (IsTaken(endpoint.Port!.Value))
                {
                    taken.Add(new(resource.Name, endpoint.Name, endpoint.Port.Value, Describe(endpoint.Port.Value), FixFor(resource, appHostDirectory)));
                }
            }
        }

        return taken;
    }

    private static string FixFor(IResource resource, string appHostDirectory) => resource is ProjectResource project && project.TryGetLastAnnotation<IProjectMetadata>(out var metadata)
        ? $"Stop that process, or give {resource.Name} another port: applicationUrl in {Path.GetRelativePath(Path.GetDirectoryName(appHostDirectory)!, Path.Combine(Path.GetDirectoryName(metadata.ProjectPath)!, "Properties", "launchSettings.json"))}."
        : $"Stop that process, or give {resource.Name} another port in the AppHost.";

    private static string Describe(int port) => PortOwner.Find(port) is { } owner ? $"process {owner.Pid} ({owner.CommandLine})" : "another process";

    /// <summary>True when 127.0.0.1:<paramref name="port"/> cannot be bound (a listener on any address takes it).</summary>
    public static bool IsTaken(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ExclusiveAddressUse = true };
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return false;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            return true;
        }
    }
}
