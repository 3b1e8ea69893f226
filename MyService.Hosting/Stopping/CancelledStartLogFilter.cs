using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MyService.Hosting.Stopping;

/// <summary>
/// Keeps the host's "Hosting failed to start" out of the console when the start failed only because a stop was asked
/// for (Ctrl+C, SIGTERM): the host logs the cancellation as an error with its stack trace, though nothing went wrong.
/// A start that fails for any other reason is logged as before.
/// </summary>
internal static class CancelledStartLogFilter
{
    /// <summary>The category of Microsoft.Extensions.Hosting's Host, which logs the failed start (event 11, HostedServiceStartupFaulted).</summary>
    public const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    public static void AddTo(IServiceCollection services) =>
        services.AddSingleton<IConfigureOptions<LoggerFilterOptions>>(provider => new ConfigureOptions<LoggerFilterOptions>(options =>
        {
            // Resolved on the first warning or error only, when the host (and its lifetime) exists.
            var lifetime = new Lazy<IHostApplicationLifetime>(provider.GetRequiredService<IHostApplicationLifetime>);
            // The Host category logs only its Debug progress lines below Warning; the rule keeps the default of
            // Information for them and drops its errors once a stop has been asked for.
            options.Rules.Add(new LoggerFilterRule(providerName: null, HostCategory, LogLevel.Information,
                (_, _, level) => level < LogLevel.Error || !lifetime.Value.ApplicationStopping.IsCancellationRequested));
        }));
}
