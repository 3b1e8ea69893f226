using System.Net.Http.Json;
using System.Text.Json;

namespace MyService.Tests.Api;

/// <summary>Request and response helpers shared by the API tests.</summary>
public static class ApiJson
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static Task<HttpResponseMessage> PostUserAsync(this HttpClient client, string email, string name = "Ann") =>
        client.PostAsJsonAsync("/users", new { email, name });

    public static async Task<JsonElement> CreateUserAsync(this HttpClient client, string email, string name = "Ann")
    {
        using var response = await client.PostUserAsync(email, name);
        response.EnsureSuccessStatusCode();
        return await response.ReadJsonAsync();
    }

    /// <summary>The field names of a problem details' <c>errors</c>.</summary>
    public static async Task<string[]> ProblemFieldsAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        return problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().Select(p => p.Name).ToArray()
            : [];
    }
}
