using MyService.Api.Events;
using MyService.Api.Extensions;
using MyService.Api.Items;
using MyService.Api.Root;
using MyService.Api.Users;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiDefaults();
builder.AddStorage();

var app = builder.Build();

app.UseApiDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi();

app.MapRootApi();
app.MapUsersApi();
app.MapItemsApi();
app.MapEventsApi();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
