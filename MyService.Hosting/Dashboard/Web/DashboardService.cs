using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyService.Hosting.Dashboard.Otlp;
using MyService.Hosting.Dashboard.Telemetry;
using MyService.Hosting.Orchestration;

namespace MyService.Hosting.Dashboard.Web;

/// <summary>
/// Serves the dashboard from the AppHost process on loopback (<c>Dashboard:Port</c>, default 18888; random in tests)
/// and prints the ready-to-click login URL. A taken port is reported with the way to change it; the system runs on.
/// </summary>
internal sealed class DashboardService(
    DistributedApplicationOptions options,
    IConfiguration configuration,
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    ResourceCommandService commands,
    TelemetryStore telemetry,
    TextWriter output) : IHostedService, IAsyncDisposable
{
    public const int DefaultPort = 18888;

    private RunningServer? _server;

    /// <summary>The login URL (with the token), once started.</summary>
    public Uri? LoginUrl { get; private set; }

    public Uri? BaseAddress { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.DisableDashboard)
        {
            return;
        }

        var port = options.RandomizePorts ? 0 : configuration.GetValue("Dashboard:Port", DefaultPort);
        var token = configuration["Dashboard:Token"] ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var auth = new DashboardAuthentication(token);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        var app = builder.Build();
        app.Use(auth.InvokeAsync);
        app.MapGet("/login", auth.Login);
        app.MapGet("/", () => DashboardAssets.Serve("index.html"));
        app.MapGet("/assets/{file}", (string file) => DashboardAssets.Serve(file));
        app.MapDashboardApi(new DashboardServices(notifications, logs, commands, telemetry));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            await output.WriteLineAsync(
                $"Dashboard: port {port} is in use ({ex.Message}); the system runs without it. Set Dashboard:Port in MyService.AppHost/appsettings.json or pass --Dashboard:Port=18889.");
            await app.DisposeAsync();
            return;
        }

        _server = new RunningServer(app);
        BaseAddress = new Uri(app.Urls.First());
        LoginUrl = new Uri(BaseAddress, $"/login?t={token}");
        await output.WriteLineAsync($"Dashboard: {LoginUrl.ToString().Replace("127.0.0.1", "localhost", StringComparison.Ordinal)}");
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }
}
