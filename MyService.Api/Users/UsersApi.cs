using MyService.Api.Http;

namespace MyService.Api.Users;

/// <summary>/users: CRUD with a unique, case-insensitive email (409 on a duplicate). Routes: see <see cref="EntityApi"/>.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        // The same field the user stores keep unique (SqliteUserStore, DynamoUserStore), named for the document's 409.
        app.MapEntityApi<User, UserInput>("/users", "Users", uniqueField: "email");
        return app;
    }
}
