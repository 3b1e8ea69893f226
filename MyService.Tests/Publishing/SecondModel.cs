using Aspire.Hosting;

namespace MyService.Tests.Publishing;

/// <summary>
/// A test-only model that covers what the app model does not (yet): an external endpoint with its certificate, a
/// health path other than /health, a secret and a plain parameter, prod overrides that scale out, a DynamoDB table
/// with narrowed permissions, and a worker (no endpoint) that references the web service and the table.
/// </summary>
internal static class SecondModel
{
    public static void Build(IDistributedApplicationBuilder builder)
    {
        var paymentKey = builder.AddParameter("payment-api-key", secret: true);
        var featureFlag = builder.AddParameter("feature-flag");
        var orders = builder.AddDynamoDBLocal("dynamodb").AddTable("orders", partitionKey: "pk", sortKey: "sk", tableName: "testapp-orders");
        builder.AddOpenTelemetryCollector("otel");

        var web = builder.AddProject<TestWebProject>("web")
            .WithHttpEndpoint(port: 8080)
            .WithExternalHttpEndpoints()
            .WithHttpHealthCheck("/healthz")
            .WithEnvironment("PAYMENT_API_KEY", paymentKey)
            .WithEnvironment("FEATURE_FLAG", featureFlag)
            .WithReference(orders)
            .PublishAsFsdService(o =>
            {
                o.Owners.Add("team-web");
                o.Pack = "dotnet-web";
                // WithHttpHealthCheck's path cannot be read back from the model: the publish settings name it.
                o.HealthCheckPath = "/healthz";
                o.CertificateArn = "arn:aws:acm:${AWS_REGION}:${AWS_ACCOUNT_ID}:certificate/${WEB_CERTIFICATE_ID}";
                o.Permissions["orders"] = ["dynamodb:Query", "dynamodb:GetItem"];
                o.ForEnvironment("prod", p =>
                {
                    p.Cpu = 1024;
                    p.Memory = 2048;
                    p.DesiredCount = 3;
                    p.MinCapacity = 3;
                    p.MaxCapacity = 12;
                    p.LogRetentionDays = 90;
                });
            });

        builder.AddProject<TestWorkerProject>("worker")
            .WithReference(web)
            .WithReference(orders)
            .PublishAsFsdService(o => o.Owners.Add("team-web"));
    }
}
