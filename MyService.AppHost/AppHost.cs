using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);

// Where the services deploy: `--operation publish --step publish` writes deploy/ (docs/DEPLOYMENT.md).
builder.AddEcsEnvironment("ecs")
    .WithProperties(ecs => ecs.TestCommand = "./test.sh");

// A fixed port that is taken (the dashboard's 18888, the API's 8000) is an error naming its holder, not a silent proxy failure.
builder.AddFixedPortCheck();
// A resource turns Healthy within 100 ms of its first good answer, not at Aspire's next check (1-5 s later).
builder.AddHealthCheckPatience();
// Projects run their built program, not `dotnet run`: Ctrl+C, the stop button and kill -9 reach the service itself.
builder.RunProjectsFromBuildOutput();

// Infrastructure: the database file, DynamoDB Local with its tables, the collector the services export to.
var db = builder.AddSqlite("db", databaseFileName: "myservice.db")
    .WithDataVolume();

// DynamoDB Local, installed and started here; or, when ConnectionStrings:dynamodb names one already running, that one.
IResourceBuilder<IDynamoDBResource> dynamodb = string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("dynamodb"))
    ? builder.AddDynamoDBLocal("dynamodb").WithDataVolume().WithRestartPolicy()
    : builder.AddDynamoDBEndpoint("dynamodb");
var projection = dynamodb.AddTable("projection", partitionKey: "pk", sortKey: "sk", tableName: "myservice-projection");
// The API's table when it runs with Storage__Provider=dynamodb (docs/GRADUATION.md).
var store = dynamodb.AddTable("store", partitionKey: "pk", sortKey: "sk", tableName: "myservice-store");

builder.AddOpenTelemetryCollector("otel-collector")
    .WithAppForwarding();

// Services; their local ports (api 8000, worker 8081) come from each project's Properties/launchSettings.json,
// their container ports (the same, in their Dockerfiles) are said for publish.
var api = builder.AddProject<Projects.MyService_Api>("api")
    .WithoutHttpsCertificate()
    .WithContainerPort(8000)
    .WithHttpHealthCheck("/health")
    .WithReference(db)
    .WithReference(store)
    .WaitFor(db)
    .PublishAsFsdService(fsd =>
    {
        // SQLite: one task (min = max = desired = 1); prod gets a larger one.
        fsd.Owners.Add("myservice-team");
        // What the DynamoDB provider calls (transactions need the per-item actions); BatchWriteItem for migrate-to-dynamodb.
        fsd.Permissions["store"] = ["dynamodb:BatchWriteItem", "dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"];
        fsd.ForEnvironment("prod", prod => { prod.Cpu = 1024; prod.Memory = 2048; prod.LogRetentionDays = 90; });
    })
    .WithRestartPolicy();
// The API reference (Scalar, served by the API in Development) as a link on the api resource in the dashboard.
api.WithUrl($"{api.GetEndpoint("http")}/scalar", "API reference");

builder.AddProject<Projects.MyService_Worker>("worker")
    .WithoutHttpsCertificate()
    .WithContainerPort(8081)
    // Its report, not only its 200: backing off from an absent API or DynamoDB, it shows Degraded and why.
    .WithHealthReportCheck("/health")
    .WithReference(api)
    .WithReference(projection)
    // No WaitFor: it starts beside the API and its table and retries until they answer (Degraded "Starting" until
    // then), which takes its own start off the critical path.
    .PublishAsFsdService(fsd =>
    {
        // 8081 answers only the container health check: no load balancer; one task consumes the feed.
        fsd.Owners.Add("myservice-team");
        fsd.LoadBalanced = false;
        fsd.Permissions["projection"] = ["dynamodb:GetItem", "dynamodb:PutItem"];
    })
    .WithRestartPolicy();

// Ctrl+C or SIGTERM at any moment, even while resources are still being created or waited for, ends every process
// and says so in one line.
await builder.RunWithCleanStopAsync();
