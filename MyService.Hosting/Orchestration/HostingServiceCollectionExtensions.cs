using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyService.Hosting.Dashboard.Otlp;
using MyService.Hosting.Dashboard.Telemetry;
using MyService.Hosting.DynamoDB;
using MyService.Hosting.OpenTelemetry;
using MyService.Hosting.Sqlite;

namespace MyService.Hosting.Orchestration;

internal static class HostingServiceCollectionExtensions
{
    public const string HealthClientName = "apphost-health";

    /// <summary>The engine's services; the reporter is registered before the orchestrator so it sees the first change.</summary>
    public static IServiceCollection AddHostingEngine(this IServiceCollection services)
    {
        services.AddSingleton<ResourceNotificationService>();
        services.AddSingleton<ResourceLoggerService>();
        services.AddSingleton<ProcessRegistry>();
        services.AddSingleton<Orchestrator>();
        services.AddSingleton(sp => new ResourceCommandService(sp.GetRequiredService<Orchestrator>(), sp.GetRequiredService<IHostApplicationLifetime>()));
        services.AddSingleton<IResourceLauncher, ProjectLauncher>();
        services.AddSingleton<IResourceLauncher, ExecutableLauncher>();
        services.AddSingleton<IResourceLauncher, ValueLauncher>();
        services.AddSingleton<IResourceLauncher, SqliteLauncher>();
        services.AddSingleton<IResourceLauncher, OpenTelemetryCollectorLauncher>();
        services.AddSingleton<IResourceLauncher, DynamoDBLocalLauncher>();
        services.AddSingleton<IResourceLauncher, DynamoDBTableLauncher>();
        services.AddSingleton<DynamoDBLocalInstaller>();
        services.AddHttpClient(HealthClientName, c => c.Timeout = TimeSpan.FromSeconds(5));
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Dashboard:Telemetry").Get<TelemetryLimits>() ?? new TelemetryLimits());
        services.AddSingleton<TelemetryStore>();
        services.AddSingleton<OtlpIngestor>();
        services.AddSingleton<OtlpReceiver>();
        services.AddSingleton<OtlpForwarder>();
        services.AddHostedService(sp => sp.GetRequiredService<OtlpForwarder>());
        services.AddHttpClient(OtlpForwarder.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton(Console.Out);
        services.AddSingleton<Publishing.PublishedServiceFactory>();
        services.AddSingleton<Publishing.DeploymentValidator>();
        services.AddSingleton<Publishing.DeploymentPublisher>();
        services.AddHostedService<ConsoleReporter>();
        services.AddSingleton<Dashboard.Web.DashboardService>();
        services.AddHostedService(sp => sp.GetRequiredService<Dashboard.Web.DashboardService>());
        services.AddHostedService(sp => sp.GetRequiredService<Orchestrator>());
        // Enough for every resource's SIGTERM grace period in turn.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(2));
        return services;
    }
}
