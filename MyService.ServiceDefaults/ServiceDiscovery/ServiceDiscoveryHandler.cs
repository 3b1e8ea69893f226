namespace Microsoft.Extensions.ServiceDiscovery;

/// <summary>Sends requests for a logical service name to the endpoint configuration gives for it.</summary>
public sealed class ServiceDiscoveryHandler(ServiceEndpointResolver resolver) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { IsAbsoluteUri: true } uri && resolver.Rewrite(uri) is { } rewritten)
        {
            request.RequestUri = rewritten;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
