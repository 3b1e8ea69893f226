using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MyService.Hosting.Shared;

namespace MyService.Hosting.Stopping;

/// <summary>
/// Keeps out of the console the errors a stop asked for (Ctrl+C, SIGTERM) makes a start that it cuts short log,
/// though nothing went wrong: the host's "Hosting failed to start" with the cancellation's stack trace, and Aspire's
/// "Failed to create resource aspire-dashboard" with another, which Aspire copies from the dashboard resource's log
/// to the console as an error; and DCP's log streams closing as it stops each resource, which Aspire's DCP executor
/// logs as an error with a stack trace. Only once a stop has been asked for; before that these categories log as ever.
/// </summary>
internal static class CancelledStartLogFilter
{
    /// <summary>
    /// Microsoft.Extensions.Hosting's Host: logs the failed start (event 11, HostedServiceStartupFaulted); below Warning
    /// only its Debug progress. (The dashboard's category, Aspire's, is <see cref="AspireInternals.DashboardLogCategory"/>;
    /// Aspire itself keeps it at Warning and above.)
    /// </summary>
    public const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";


    public static void AddTo(IServiceCollection services) =>
        services.AddSingleton<IConfigureOptions<LoggerFilterOptions>>(provider => new ConfigureOptions<LoggerFilterOptions>(options =>
        {
            // Resolved on the first error only, when the host (and its lifetime) exists.
            var lifetime = new Lazy<IHostApplicationLifetime>(provider.GetRequiredService<IHostApplicationLifetime>);
            bool Keep(string? _, string? __, LogLevel level) => level < LogLevel.Error || !lifetime.Value.ApplicationStopping.IsCancellationRequested;
            // Added after Aspire's own rules for the same categories, so these win (the last of equally specific rules
            // does), with the levels those had.
            options.Rules.Add(new LoggerFilterRule(providerName: null, HostCategory, LogLevel.Information, Keep));
            options.Rules.Add(new LoggerFilterRule(providerName: null, AspireInternals.DashboardLogCategory, LogLevel.Warning, Keep));
            // DCP closes each resource's log stream as it stops it, which Aspire logs as an error with a stack trace
            // (HTTP/2 NO_ERROR); the clean stop's own line says whether every process ended.
            options.Rules.Add(new LoggerFilterRule(providerName: null, AspireInternals.DcpExecutorLogCategory, LogLevel.Warning, Keep));
        }));
}
