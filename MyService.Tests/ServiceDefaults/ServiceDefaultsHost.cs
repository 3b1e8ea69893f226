using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MyService.Tests.ServiceDefaults;

/// <summary>A generic host with AddServiceDefaults and the given configuration; not started (clients need no start).</summary>
internal static class ServiceDefaultsHost
{
    public static IHost Build(params (string Key, string Value)[] settings) => Build(_ => { }, settings);

    public static IHost Build(Action<HostApplicationBuilder> configure, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder();
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.AddServiceDefaults();
        configure(builder);
        return builder.Build();
    }

    public static HttpClient CreateClient(this IHost host)
    {
        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
        client.Timeout = TestTimeouts.Default;
        return client;
    }
}
