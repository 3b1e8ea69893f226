
namespace MyService.Hosting.Publishing.Validation.Fsd;

/// <summary>
/// service.networking. Public subnets and a public load balancer deploy and run, so they are warnings
/// (002_508960cd39b0bbae.txt, Pattern 2 pitfalls "Missing VPC" and "External ALB by default"); a load balancer in
/// front of a service that listens nowhere, and a malformed certificate ARN, are errors.
/// </summary>
internal static class FsdNetworkingRules
{
    private const string Balancer = "service.networking.loadBalancer";

    public static void Check(FsdRuleContext c, int? port)
    {
        if (c.Yaml.Flag("service.networking.vpc") != true)
        {
            c.Problems.Warning("service.networking.vpc", c.Line("service.networking.vpc"), "is not true: the tasks would deploy in public subnets.", "set service.networking.vpc: true.");
        }

        var hasLoadBalancer = c.Yaml.Node(Balancer) is not null;
        if (port is null && hasLoadBalancer)
        {
            // Its target group has no port to send to or to check: every task would fail its health check.
            c.Problems.Error(Balancer, c.Line(Balancer),
                "a service without an HTTP endpoint to balance (no service.port: a worker) has nothing to put behind a load balancer.", "remove service.networking.loadBalancer (and service.port).");
        }

        if (port is null)
        {
            return;
        }

        var isInternal = c.Yaml.Flag($"{Balancer}.internal") == true;
        var certificate = c.Yaml.Text($"{Balancer}.certificateArn");
        if (certificate is not null)
        {
            DeploymentRules.CertificateArn(c.Problems, $"{Balancer}.certificateArn", c.Line($"{Balancer}.certificateArn"), certificate);
        }

        // A model whose endpoint is external asks for the public load balancer: nothing to question then.
        if (isInternal || c.Expected is { IsExternal: true })
        {
            if (!isInternal && certificate is null)
            {
                WarnNoCertificate(c);
            }

            return;
        }

        var why = c.Expected is not null ? "the app model's endpoint is not external" : "the platform's load balancer is external unless internal: true";
        c.Problems.Warning(hasLoadBalancer ? $"{Balancer}.internal" : Balancer, c.Line(hasLoadBalancer ? $"{Balancer}.internal" : "service.networking"),
            $"the load balancer is public: {why}.",
            c.Expected is not null ? "set internal: true, or mark the endpoint external in the app model (WithExternalHttpEndpoints()) and publish again." : "add loadBalancer: {type: application, internal: true} for service-to-service traffic.");
        if (certificate is null)
        {
            WarnNoCertificate(c);
        }
    }

    private static void WarnNoCertificate(FsdRuleContext c) =>
        c.Problems.Warning($"{Balancer}.certificateArn", c.Line(Balancer),
            "a public load balancer without a certificate would serve plain HTTP on the internet.", "set certificateArn to an ACM certificate ARN (PublishAsFsdService(o => o.CertificateArn = ...)).");
}
