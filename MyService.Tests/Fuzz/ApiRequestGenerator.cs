namespace MyService.Tests.Fuzz;

/// <summary>
/// Combines, from one seeded <see cref="Random"/>, a method, a route of the API (or none), path segments, a query,
/// a content type, a body and a few headers. Most requests stay near the real routes so the handlers are reached.
/// </summary>
public sealed class ApiRequestGenerator(Random random)
{
    private int _serial;

    public FuzzRequest Next()
    {
        var serial = Interlocked.Increment(ref _serial);
        var collection = random.Next(4) == 0 ? random.Pick(HostileValues.Collections) : random.Pick(["/users", "/items"]);
        var method = random.Next(5) == 0 ? random.Pick(HostileValues.Methods) : random.Pick(["GET", "POST", "PUT", "DELETE"]);
        var path = method is "GET" or "PUT" or "DELETE" && random.Next(3) > 0 && collection is "/users" or "/items"
            ? $"{collection}/{random.Pick(HostileValues.Segments)}"
            : collection;
        var target = path + (method == "GET" || random.Next(6) == 0 ? random.Pick(HostileValues.Queries) : "");

        var hasBody = method is "POST" or "PUT" or "PATCH" ? random.Next(12) > 0 : random.Next(10) == 0;
        var entity = collection.Contains("items", StringComparison.OrdinalIgnoreCase) ? "items" : "users";
        var body = hasBody ? HostileBodies.Next(random, entity, serial) : null;
        var contentType = hasBody ? (random.Next(3) == 0 ? random.Pick(HostileValues.ContentTypes) : "application/json") : null;

        var headers = new List<KeyValuePair<string, string>>();
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            var (name, values) = random.Pick(HostileValues.Headers);
            headers.Add(new(name, random.Pick(values)));
        }

        return new FuzzRequest(method, target, headers, contentType, body);
    }
}
