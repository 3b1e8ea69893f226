using System.Net;
using System.Net.Sockets;
using MyService.Hosting.ApplicationModel;

namespace MyService.Hosting.Orchestration;

/// <summary>
/// Gives every endpoint its port before anything starts (a dependant needs its dependency's URL): the model's
/// fixed port when free, else a clear error; a free port from the OS for the rest, or for all of them in tests.
/// </summary>
internal sealed class PortAllocator(DistributedApplicationOptions options)
{
    private readonly HashSet<int> _given = [];

    /// <summary>Allocates the resource's endpoints; returns the error for a taken fixed port, or null.</summary>
    public string? Allocate(IResource resource)
    {
        foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
        {
            if (endpoint.AllocatedEndpoint is not null)
            {
                continue;
            }

            if (endpoint.Port is { } fixedPort && !options.RandomizePorts)
            {
                if (!IsFree(fixedPort))
                {
                    return TakenPortMessage(resource, endpoint, fixedPort);
                }

                _given.Add(fixedPort);
                endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint.Scheme, "localhost", fixedPort);
                continue;
            }

            endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint.Scheme, "localhost", FreePort());
        }

        return null;
    }

    private int FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (_given.Add(port))
            {
                return port;
            }
        }
    }

    internal static bool IsFree(int port)
    {
        foreach (var address in new[] { IPAddress.Loopback, IPAddress.Any })
        {
            try
            {
                using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(address, port));
            }
            catch (SocketException)
            {
                return false;
            }
        }

        return true;
    }

    private static string TakenPortMessage(IResource resource, EndpointAnnotation endpoint, int port)
    {
        var holder = PortOwner.Find(port);
        var who = holder is null ? "another process" : $"process {holder.Value.Pid} ({holder.Value.CommandLine})";
        return $"Port {port} for '{resource.Name}' endpoint '{endpoint.Name}' is in use by {who}. " +
            $"Stop that process, or change the port in MyService.AppHost/Program.cs (WithHttpEndpoint(port: ...)).";
    }
}
