using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MyService.Hosting.Ports;
using MyService.Hosting.Shared;

namespace MyService.Hosting;

public static partial class FixedPortCheckBuilderExtensions
{
    /// <summary>
    /// Before anything starts, checks every fixed port (the dashboard's, and each endpoint's own port). A taken
    /// dashboard port stops the AppHost with the port, its holder and where to change it; a resource whose port is
    /// taken fails to start with the same line, and the rest of the app runs. Skipped when ports are randomised (tests).
    /// </summary>
    public static IDistributedApplicationBuilder AddFixedPortCheck(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.ExecutionContext.IsRunMode)
        {
            return builder;
        }

        // Read and emptied by BeforeResourceStartedEvent handlers, which Aspire runs for several resources at once.
        var takenByResource = new ConcurrentDictionary<string, TakenPort>(StringComparer.Ordinal);
        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            var configuration = e.Services.GetRequiredService<IConfiguration>();
            if (configuration.GetValue<bool>(AspireInternals.RandomizePortsKey))
            {
                return Task.CompletedTask;
            }

            var logger = e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MyService.Hosting.Ports");
            if (FixedPortCheck.Dashboard(configuration) is [var first, ..] dashboard)
            {
                foreach (var port in dashboard)
                {
                    LogTaken(logger, port.Message);
                }

                throw new DistributedApplicationException(first.Message);
            }

            foreach (var port in FixedPortCheck.Resources(e.Model, builder.AppHostDirectory))
            {
                LogTaken(logger, port.Message);
                takenByResource.TryAdd(port.Resource, port);
            }

            return Task.CompletedTask;
        });
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>((e, _) =>
        {
            if (takenByResource.TryRemove(e.Resource.Name, out var port))
            {
                LogTaken(e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(e.Resource), port.Message);
                throw new StartRefusedException($"Its port {port.Port} is taken; the line above says by whom and what to do.");
            }

            return Task.CompletedTask;
        });
        return builder;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}")]
    private static partial void LogTaken(ILogger logger, string message);
}
