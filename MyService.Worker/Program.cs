using MyService.ServiceDefaults.Health;
using MyService.Worker.Extensions;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddProjectionWorker();

var app = builder.Build();

app.MapDefaultEndpoints();

await app.RunAsync();
return 0;
