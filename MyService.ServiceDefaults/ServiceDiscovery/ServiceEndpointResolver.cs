using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.ServiceDiscovery;

/// <summary>
/// Stand-in for Microsoft.Extensions.ServiceDiscovery's configuration provider: resolves a logical service
/// (<c>http://api</c>) from <c>services:{name}:{endpoint}:{index}</c>, i.e. <c>services__api__http__0</c>
/// as Aspire injects it. <c>https+http://api</c> prefers https and falls back to http, as in Aspire.
/// </summary>
public sealed class ServiceEndpointResolver(IConfiguration configuration)
{
    private const string Section = "services";

    /// <summary>The base address for <paramref name="serviceUri"/>, or null when it is not a logical name in configuration.</summary>
    public Uri? Resolve(Uri serviceUri)
    {
        ArgumentNullException.ThrowIfNull(serviceUri);
        var service = configuration.GetSection(Section).GetSection(serviceUri.Host);
        if (!service.Exists())
        {
            return null;
        }

        foreach (var scheme in serviceUri.Scheme.Split('+'))
        {
            var value = service.GetSection(scheme).GetSection("0").Value;
            if (Uri.TryCreate(value, UriKind.Absolute, out var resolved))
            {
                return resolved;
            }
        }

        return null;
    }

    /// <summary>Rewrites <paramref name="requestUri"/> onto the resolved endpoint, keeping path and query.</summary>
    public Uri? Rewrite(Uri requestUri)
    {
        var target = Resolve(requestUri);
        if (target is null)
        {
            return null;
        }

        var builder = new UriBuilder(requestUri) { Scheme = target.Scheme, Host = target.Host, Port = target.Port };
        return builder.Uri;
    }
}
