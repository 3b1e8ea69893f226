using MyService.Hosting.Publishing.Model;

namespace MyService.Hosting.Publishing.Validation.Fsd;

/// <summary>
/// service.observability: a retention CloudWatch refuses and a metrics port outside 1-65535 are errors; no retention
/// (002_508960cd39b0bbae.txt, Pattern 1 pitfall "No retention on logs": the default is infinite) and traces without
/// an endpoint deploy, so they are warnings.
/// </summary>
internal static class FsdObservabilityRules
{
    public static void Check(FsdRuleContext c)
    {
        const string Retention = "service.observability.logs.retention";
        DeploymentRules.LogRetention(c.Problems, Retention, c.Line(Retention), c.Number(Retention));
        c.RangeOf("service.observability.metrics.port", 1, 65535, "");
        if (c.Yaml.Text("service.observability.metrics.path") is { } path && !path.StartsWith('/'))
        {
            c.Problems.Error("service.observability.metrics.path", c.Line("service.observability.metrics.path"), $"'{path}' is not a URL path: the scraper would request nothing the app serves.", "set it to the app's metrics endpoint, e.g. /metrics.");
        }

        if (c.Yaml.Flag("service.observability.traces.enabled") == true && c.Yaml.Text("service.observability.traces.otlpEndpoint") is null)
        {
            c.Problems.Warning("service.observability.traces.otlpEndpoint", c.Line("service.observability.traces"), "traces are enabled but have no endpoint.", $"set otlpEndpoint: {DeploymentDefaults.SidecarOtlpEndpoint} (the ADOT sidecar).");
        }
    }
}
