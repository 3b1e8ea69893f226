namespace MyService.Hosting.Orchestration;

/// <summary>Variables whose values are credentials by their nature, masked wherever they are shown.</summary>
internal static class SecretVariables
{
    public const string Mask = "********";

    private static readonly string[] Names = ["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "OTEL_EXPORTER_OTLP_HEADERS"];

    public static bool IsSecret(string name) =>
        Names.Contains(name, StringComparer.OrdinalIgnoreCase)
        || name.EndsWith("PASSWORD", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("SECRET", StringComparison.OrdinalIgnoreCase);
}
