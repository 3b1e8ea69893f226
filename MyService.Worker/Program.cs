using MyService.ServiceDefaults.Aws;
using MyService.ServiceDefaults.Configuration;
using MyService.ServiceDefaults.Health;
using MyService.Worker.Extensions;
using MyService.Worker.Projection;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);

// Run by hand without the AppHost's environment: a line per missing setting and exit code 2, not two stack traces.
if (!ConfigurationCheck.Passes(DynamoDBConfigurationCheck.Problems(builder.Configuration, ProjectionTable.ResourceName)))
{
    return ConfigurationCheck.ExitCode;
}

builder.AddServiceDefaults();
builder.AddProjectionWorker();

var app = builder.Build();

app.MapDefaultEndpoints();

await app.RunAsync();
return 0;
