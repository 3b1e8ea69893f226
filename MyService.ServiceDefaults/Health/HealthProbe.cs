namespace MyService.ServiceDefaults.Health;

/// <summary>
/// <c>dotnet MyService.X.dll --health-probe [url]</c>: exits 0 when the service's own health endpoint answers 2xx.
/// Container images (chiseled or not) carry no curl, so the Dockerfile HEALTHCHECK and the ECS container health
/// check run the service binary itself in this mode.
/// </summary>
public static class HealthProbe
{
    public const string Argument = "--health-probe";
    private const string DefaultUrl = "http://127.0.0.1:8000/health";

    public static bool IsRequested(string[] args) => args is [Argument, ..];

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var url = args.Length > 1 ? args[1] : Environment.GetEnvironmentVariable("HEALTH_PROBE_URL") ?? DefaultUrl;
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(new Uri(url));
            await Console.Out.WriteLineAsync($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"{url}: {ex.Message}");
            return 1;
        }
    }
}
