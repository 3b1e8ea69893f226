using System.Text.Json;
using MyService.Tests.Api;

namespace MyService.Tests.Storage;

/// <summary>Compares what two APIs serve: every user, item and change event, field by field.</summary>
internal static class MigratedData
{
    public static async Task AssertSameAsync(HttpClient before, HttpClient after)
    {
        foreach (var (path, array) in new[] { ("/users?limit=1000", "items"), ("/items?limit=1000", "items"), ("/events?limit=1000", "events") })
        {
            var expected = await ReadAsync(before, path, array);
            var actual = await ReadAsync(after, path, array);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, actual);
        }
    }

    private static async Task<List<string>> ReadAsync(HttpClient client, string path, string array)
    {
        using var response = await client.GetAsync(path).WithTimeout();
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync()).GetProperty(array).EnumerateArray().Select(e => JsonSerializer.Serialize(e)).ToList();
    }
}
