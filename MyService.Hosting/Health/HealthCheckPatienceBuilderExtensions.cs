using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MyService.Hosting.Health;

namespace MyService.Hosting;

public static class HealthCheckPatienceBuilderExtensions
{
    // Long enough for DynamoDB Local's JVM or a service's start on a busy machine.
    private static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Every resource's health checks (Aspire's <c>WithHttpHealthCheck</c> and the integrations' own) keep asking, every
    /// 100 ms for up to <paramref name="patience"/> (10 s by default), before they report a resource that is not yet
    /// healthy as such: Aspire checks again only 1, 2, 3, 4 then 5 s after each unhealthy report, so without this a
    /// resource turns Healthy, and what waits for it starts, up to seconds after it first answers. A resource that is
    /// not yet healthy shows its report after the patience instead of at once; one that was Healthy shows its first bad
    /// answer when Aspire asks (every 30 s for a healthy resource; a table asks its DynamoDB's check, so whichever asks
    /// first gets it), and patience applies again to its recovery and after each (re)start. The first call's patience
    /// holds (<c>AddDynamoDBLocal</c> and <c>AddDynamoDBEndpoint</c> make one with the default).
    /// </summary>
    public static IDistributedApplicationBuilder AddHealthCheckPatience(this IDistributedApplicationBuilder builder, TimeSpan? patience = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var wait = patience ?? DefaultPatience;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(wait, TimeSpan.Zero, nameof(patience));
        if (builder.Services.Any(d => d.ImplementationInstance is HealthCheckPatience))
        {
            return builder;
        }

        var checks = new HealthCheckPatience(wait);
        builder.Services.AddSingleton<IPostConfigureOptions<HealthCheckServiceOptions>>(checks);
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>((e, _) =>
        {
            checks.Forget(e.Resource);
            return Task.CompletedTask;
        });
        return builder;
    }
}
