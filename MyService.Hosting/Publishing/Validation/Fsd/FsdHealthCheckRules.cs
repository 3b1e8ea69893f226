using System.Globalization;

namespace MyService.Hosting.Publishing.Validation.Fsd;

/// <summary>
/// service.port and service.healthCheck: the ELB target group health check limits (errors: the load balancer refuses
/// them), and, against the model, the port and path the app serves (errors: the tasks would fail their checks).
/// </summary>
internal static class FsdHealthCheckRules
{
    /// <returns>The service's port, or null for a service without one (a worker).</returns>
    public static int? Check(FsdRuleContext c)
    {
        var port = c.RangeOf("service.port", 1, 65535, "");
        if (c.Expected is { } expected && port != expected.Port)
        {
            c.Problems.Error("service.port", c.Line("service.port"),
                expected.Port is null ? $"is {port}, but '{expected.ResourceName}' is not load balanced in the app model (no HTTP endpoint, or LoadBalanced = false)." : $"is {port?.ToString(CultureInfo.InvariantCulture) ?? "missing"}, but the app listens on {expected.Port} (the model's endpoint).",
                expected.Port is null ? "remove service.port." : $"set service.port: {expected.Port}, or change the endpoint in the app model and publish again.");
        }

        if (c.Yaml.Node("service.healthCheck") is null)
        {
            if (port is not null)
            {
                // The platform then checks with its own default, which may not be an endpoint the app serves.
                c.Problems.Warning("service.healthCheck", c.Line("service"), "is missing: the load balancer checks a default the app may not serve.",
                    "add service.healthCheck with the path of the app's health endpoint (000_205a7571b484f349.txt: it must match the application).");
            }

            return port;
        }

        CheckPath(c);
        var interval = c.RangeOf("service.healthCheck.interval", 5, 300, " seconds");
        var timeout = c.RangeOf("service.healthCheck.timeout", 2, 120, " seconds");
        if (interval is not null && timeout >= interval)
        {
            c.Problems.Error("service.healthCheck.timeout", c.Line("service.healthCheck.timeout"), $"{timeout} is not below the interval {interval}.", "make the timeout shorter than the interval.");
        }

        c.RangeOf("service.healthCheck.healthyThreshold", 2, 10, "");
        c.RangeOf("service.healthCheck.unhealthyThreshold", 2, 10, "");
        return port;
    }

    private static void CheckPath(FsdRuleContext c)
    {
        // Left out, the platform's default path applies (every document gives one; nothing to report without a model).
        if (c.Yaml.Text("service.healthCheck.path") is not { } path)
        {
            return;
        }

        var expectedPath = c.Expected?.LoadBalancerHealthCheck?.Path;
        if (!path.StartsWith('/'))
        {
            c.Problems.Error("service.healthCheck.path", c.Line("service.healthCheck.path"), $"'{path}' is not a URL path: a target group's health check path starts with /.", "set it to the app's health endpoint, e.g. /health.");
        }
        else if (expectedPath is not null && path != expectedPath)
        {
            c.Problems.Error("service.healthCheck.path", c.Line("service.healthCheck.path"),
                $"is '{path}', but the app's health endpoint is '{expectedPath}' (the app model's WithHttpProbe or PublishAsFsdService HealthCheckPath, default /health).",
                $"set service.healthCheck.path: {expectedPath}, or change the path in the app model and publish again.");
        }
    }
}
