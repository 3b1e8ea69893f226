var builder = DistributedApplication.CreateBuilder(args);

// Infrastructure: the database file, DynamoDB Local with its tables, the OTLP endpoint the services export to.
var db = builder.AddSqlite("db", databaseFileName: "myservice.db")
    .WithDataVolume();

var dynamodb = builder.AddDynamoDBLocal("dynamodb");
var projection = dynamodb.AddTable("projection", partitionKey: "pk", sortKey: "sk", tableName: "myservice-projection");
// The API's tables when it runs with Storage__Provider=dynamodb (docs/GRADUATION.md).
var store = dynamodb.AddTable("store", partitionKey: "pk", sortKey: "sk", tableName: "myservice-store");

builder.AddOpenTelemetryCollector("otel-collector");

// Services.
var api = builder.AddProject<Projects.MyService_Api>("api")
    .WithHttpEndpoint(port: 8000)
    .WithHttpHealthCheck("/health")
    .WithReference(db)
    .WithReference(store)
    .WaitFor(db)
    .PublishAsFsdService(fsd =>
    {
        // SQLite: one task (min = max = desired = 1); prod gets a larger one.
        fsd.Owners.Add("myservice-team");
        // What the DynamoDB provider calls (transactions need the per-item actions); BatchWriteItem for migrate-to-dynamodb.
        fsd.TablePermissions["store"] = ["dynamodb:BatchWriteItem", "dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"];
        fsd.ForEnvironment("prod", prod => { prod.Cpu = 1024; prod.Memory = 2048; prod.LogRetentionDays = 90; });
    });

builder.AddProject<Projects.MyService_Worker>("worker")
    .WithHttpEndpoint(port: 8081)
    .WithHttpHealthCheck("/health")
    .WithReference(api)
    .WithReference(projection)
    .WaitFor(api)
    .WaitFor(projection)
    .PublishAsFsdService(fsd =>
    {
        // 8081 answers only the container health check: no load balancer; one task consumes the feed.
        fsd.Owners.Add("myservice-team");
        fsd.LoadBalanced = false;
        fsd.TablePermissions["projection"] = ["dynamodb:GetItem", "dynamodb:PutItem"];
    });

builder.Build().Run();
