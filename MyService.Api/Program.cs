using MyService.Api.Events;
using MyService.Api.Extensions;
using MyService.Api.Http.OpenApi;
using MyService.Api.Items;
using MyService.Api.Root;
using MyService.Api.Storage.Migration;
using MyService.Api.Users;
using MyService.ServiceDefaults.Configuration;
using MyService.ServiceDefaults.Health;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

if (MigrationCommand.IsRequested(args))
{
    return await MigrationCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);

// Run by hand with a setting missing: a line per setting and exit code 2, not stack traces or a 500 per request.
if (!ConfigurationCheck.Passes(StorageExtensions.ConfigurationProblems(builder.Configuration)))
{
    return ConfigurationCheck.ExitCode;
}

builder.AddServiceDefaults();
builder.AddApiDefaults();
builder.AddStorage();

var app = builder.Build();

app.UseApiDefaults();
app.MapDefaultEndpoints();
app.MapApiDocument();

app.MapRootApi();
app.MapUsersApi();
app.MapItemsApi();
app.MapEventsApi();

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
