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
    .WaitFor(db);

builder.AddProject<Projects.MyService_Worker>("worker")
    .WithHttpEndpoint(port: 8081)
    .WithHttpHealthCheck("/health")
    .WithReference(api)
    .WithReference(projection)
    .WaitFor(api)
    .WaitFor(projection);

builder.Build().Run();
