using MyService.Hosting.Dashboard.Telemetry;
using MyService.Hosting.Orchestration;

namespace MyService.Hosting.Dashboard.Web;

/// <summary>The engine's state the dashboard shows; handed from the AppHost's container to the dashboard's own.</summary>
internal sealed record DashboardServices(
    ResourceNotificationService Notifications,
    ResourceLoggerService Logs,
    ResourceCommandService Commands,
    TelemetryStore Telemetry);
