using MyService.Api.Http;

namespace MyService.Api.Items;

/// <summary>/items: CRUD of named items. Routes: see <see cref="EntityApi"/>.</summary>
public static class ItemsApi
{
    public static IEndpointRouteBuilder MapItemsApi(this IEndpointRouteBuilder app)
    {
        app.MapEntityApi<Item, ItemInput>("/items", "Items");
        return app;
    }
}
