var builder = DistributedApplication.CreateBuilder(args);

// Infrastructure: the database file, DynamoDB Local with its tables, the OTLP endpoint the services export to.
var db = builder.AddSqlite("db", databaseFileName: "myservice.db")
    .WithDataVolume();

var dynamodb = builder.AddDynamoDBLocal("dynamodb");
var projection = dynamodb.AddTable("projection", partitionKey: "pk", sortKey: "sk", tableName: "myservice-projection");

builder.AddOpenTelemetryCollector("otel-collector");

// Services.
builder.AddProject<Projects.MyService_Api>("api")
    .WithHttpEndpoint(port: 8000)
    .WithHttpHealthCheck("/health")
    .WithReference(db)
    .WaitFor(db)
    .PublishAsFsdService(fsd =>
    {
        // SQLite: one task (min = max = desired = 1); prod gets a larger one.
        fsd.Owners.Add("myservice-team");
        fsd.ForEnvironment("prod", prod => { prod.Cpu = 1024; prod.Memory = 2048; prod.LogRetentionDays = 90; });
    });

builder.Build().Run();
