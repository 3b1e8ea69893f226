using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Stand-in for Microsoft.Extensions.Http.Resilience's <c>AddStandardResilienceHandler()</c>.</summary>
public static class ResilienceHttpClientBuilderExtensions
{
    public static IHttpClientBuilder AddStandardResilienceHandler(
        this IHttpClientBuilder builder, Action<HttpStandardResilienceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // ConfigureHttpClientDefaults passes a builder without a name: those clients share the default options.
        var name = builder.Name ?? Options.Options.DefaultName;
        var optionsBuilder = builder.Services.AddOptions<HttpStandardResilienceOptions>(name);
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        builder.Services.TryAddSingleton<ResiliencePipelines>();
        return builder.AddHttpMessageHandler(sp => new StandardResilienceHandler(sp.GetRequiredService<ResiliencePipelines>(), name));
    }
}
