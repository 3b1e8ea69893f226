using Microsoft.Extensions.DependencyInjection;
using MyService.Hosting.Restarts;

namespace MyService.Hosting;

public static class RestartPolicyResourceBuilderExtensions
{
    /// <summary>
    /// Starts the process again when it exits unexpectedly, as ECS replaces a failed task: capped exponential backoff,
    /// the restart count on the resource, and a crash loop ends in FailedToStart with its last log lines. A stop from
    /// the dashboard or the AppHost shutting down is never restarted. Run mode only.
    /// </summary>
    public static IResourceBuilder<T> WithRestartPolicy<T>(this IResourceBuilder<T> builder, Action<RestartPolicy>? configure = null)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Resource.TryGetLastAnnotation<RestartPolicyAnnotation>(out var existing))
        {
            configure?.Invoke(existing.Policy);
            return builder;
        }

        var policy = new RestartPolicy();
        configure?.Invoke(policy);
        builder.WithAnnotation(new RestartPolicyAnnotation(policy));
        var app = builder.ApplicationBuilder;
        if (!app.ExecutionContext.IsRunMode)
        {
            return builder;
        }

        if (!app.Services.Any(d => d.ServiceType == typeof(RestartSupervisor)))
        {
            app.Services.AddSingleton<RestartSupervisor>();
        }

        return builder
            .OnBeforeResourceStarted((resource, e, _) =>
            {
                e.Services.GetRequiredService<RestartSupervisor>().WatchCommands(resource);
                return Task.CompletedTask;
            })
            .OnResourceStopped((resource, e, ct) => e.Services.GetRequiredService<RestartSupervisor>().OnStoppedAsync(resource, e.ResourceEvent, ct));
    }
}
