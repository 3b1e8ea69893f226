using MyService.Api.Events;
using MyService.Api.Extensions;
using MyService.Api.Items;
using MyService.Api.Root;
using MyService.Api.Storage.Migration;
using MyService.Api.Users;
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

builder.AddServiceDefaults();
builder.AddApiDefaults();
builder.AddStorage();

var app = builder.Build();

app.UseApiDefaults();
app.MapDefaultEndpoints();
// One document, at one fixed path: the package's {documentName} route answers other names with a plain-text 404.
app.MapOpenApi("/openapi/v1.json");

app.MapRootApi();
app.MapUsersApi();
app.MapItemsApi();
app.MapEventsApi();

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
