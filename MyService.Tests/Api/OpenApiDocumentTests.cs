using System.Text.Json;

namespace MyService.Tests.Api;

/// <summary>
/// The committed OpenAPI document (MyService.Api/openapi/v1.json) is what the API serves, byte for byte, and says
/// what a client needs: stable operation ids, every error as a problem, the headers and the parameter bounds.
/// </summary>
public sealed class OpenApiDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string CommittedPath = Path.Combine(RepositoryRoot.Path, "MyService.Api", "openapi", "v1.json");

    private static readonly JsonElement Document = JsonDocument.Parse(File.ReadAllText(CommittedPath)).RootElement;

    private readonly HttpClient _client = factory.CreateApiClient();

    public static TheoryData<string> EntityOperations { get; } = new(
        from verb in new[] { "create", "get", "replace", "delete" }
        from entity in new[] { "User", "Item" }
        select verb + entity);

    [Fact]
    public async Task Committed_document_is_what_the_api_serves()
    {
        var served = await _client.GetStringAsync("/openapi/v1.json").WithTimeout();
        var committed = await File.ReadAllTextAsync(CommittedPath).WithTimeout();

        Assert.True(served == committed,
            "MyService.Api/openapi/v1.json differs from the document the API serves. Regenerate it with a build and commit it:\n" +
            "  dotnet build MyService.Api -c Release && git add MyService.Api/openapi/v1.json\n" +
            $"First difference at character {FirstDifference(served, committed)}.");
    }

    [Fact]
    public void Every_operation_has_a_stable_id_a_summary_and_a_tag()
    {
        var ids = Operations().Select(o => o.Operation.GetProperty("operationId").GetString()).ToHashSet();

        string[] expected =
        [
            "createUser", "getUser", "listUsers", "replaceUser", "deleteUser",
            "createItem", "getItem", "listItems", "replaceItem", "deleteItem",
            "readEvents", "getServiceInfo", "getHealth", "getAliveness",
        ];
        Assert.Equal(expected.Order(), ids.Order());
        Assert.All(Operations(), o =>
        {
            Assert.False(string.IsNullOrWhiteSpace(o.Operation.GetProperty("summary").GetString()), o.Key);
            Assert.Single(o.Operation.GetProperty("tags").EnumerateArray());
        });
    }

    [Theory]
    [InlineData("getUser", "200 400 404")]
    [InlineData("createUser", "201 400 409 413 415")]
    [InlineData("replaceUser", "200 400 404 409 412 413 415")]
    [InlineData("deleteUser", "204 400 404 412")]
    [InlineData("listUsers", "200 400")]
    [InlineData("getItem", "200 400 404")]
    [InlineData("createItem", "201 400 413 415")]        // items have no unique field: never 409
    [InlineData("replaceItem", "200 400 404 412 413 415")]
    [InlineData("deleteItem", "204 400 404 412")]
    [InlineData("listItems", "200 400")]
    [InlineData("readEvents", "200 400")]
    [InlineData("getHealth", "200 503")]
    [InlineData("getAliveness", "200 503")]
    public void Every_status_is_documented_and_every_error_is_a_problem(string operationId, string statuses)
    {
        var responses = Operation(operationId).GetProperty("responses");

        Assert.Equal(statuses.Split(' ').Order(), responses.EnumerateObject().Select(r => r.Name).Order());
        foreach (var response in responses.EnumerateObject().Where(r => r.Name.StartsWith('4')))
        {
            var schema = response.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
            Assert.Matches("^#/components/schemas/(HttpValidation)?ProblemDetails$", schema.GetProperty("$ref").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(EntityOperations))]
    public void Field_errors_are_documented_with_their_errors_map(string operationId)
    {
        var responses = Operation(operationId).GetProperty("responses");

        Assert.Equal("#/components/schemas/HttpValidationProblemDetails", ProblemSchema(responses, "400"));
        Assert.True(Document.GetProperty("components").GetProperty("schemas").GetProperty("HttpValidationProblemDetails")
            .GetProperty("properties").TryGetProperty("errors", out _));
        foreach (var status in new[] { "409", "413", "415" }.Where(status => responses.TryGetProperty(status, out _)))
        {
            Assert.Equal("#/components/schemas/HttpValidationProblemDetails", ProblemSchema(responses, status));
        }

        if (responses.TryGetProperty("412", out _))
        {
            Assert.Equal("#/components/schemas/ProblemDetails", ProblemSchema(responses, "412"));
        }
    }

    [Theory]
    [InlineData("getUser", "200", "ETag")]
    [InlineData("createUser", "201", "ETag Location")]
    [InlineData("replaceUser", "200", "ETag")]
    [InlineData("getItem", "200", "ETag")]
    [InlineData("createItem", "201", "ETag Location")]
    [InlineData("replaceItem", "200", "ETag")]
    public void Entity_responses_document_their_headers(string operationId, string status, string headers)
    {
        var documented = Operation(operationId).GetProperty("responses").GetProperty(status).GetProperty("headers");

        Assert.Equal(headers.Split(' '), documented.EnumerateObject().Select(h => h.Name).Order());
    }

    [Theory]
    [InlineData("replaceUser")]
    [InlineData("deleteUser")]
    [InlineData("replaceItem")]
    [InlineData("deleteItem")]
    public void If_match_is_an_optional_request_header(string operationId)
    {
        var ifMatch = Parameter(operationId, "If-Match");

        Assert.Equal("header", ifMatch.GetProperty("in").GetString());
        Assert.False(ifMatch.TryGetProperty("required", out var required) && required.GetBoolean());
    }

    [Theory]
    [InlineData("listUsers")]
    [InlineData("listItems")]
    [InlineData("readEvents")]
    public void Limit_is_an_integer_from_1_to_1000_defaulting_to_100(string operationId)
    {
        var schema = Parameter(operationId, "limit").GetProperty("schema");

        Assert.Equal("integer", schema.GetProperty("type").GetString());
        Assert.Equal(1, schema.GetProperty("minimum").GetInt32());
        Assert.Equal(1000, schema.GetProperty("maximum").GetInt32());
        Assert.Equal(100, schema.GetProperty("default").GetInt32());
    }

    [Fact]
    public void Lists_take_a_cursor_and_the_feed_reads_after_a_sequence()
    {
        Assert.Equal("string", Parameter("listUsers", "cursor").GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal("string", Parameter("listItems", "cursor").GetProperty("schema").GetProperty("type").GetString());
        var after = Parameter("readEvents", "after").GetProperty("schema");
        Assert.Equal("integer", after.GetProperty("type").GetString());
        Assert.Equal(0, after.GetProperty("minimum").GetInt64());
    }

    [Fact]
    public void The_feed_documents_wait_as_whole_seconds_from_0_to_30_defaulting_to_0()
    {
        var wait = Parameter("readEvents", "wait");
        var schema = wait.GetProperty("schema");

        Assert.Equal("query", wait.GetProperty("in").GetString());
        Assert.Equal("integer", schema.GetProperty("type").GetString());
        Assert.Equal(0, schema.GetProperty("minimum").GetInt32());
        Assert.Equal(30, schema.GetProperty("maximum").GetInt32());
        Assert.Equal(0, schema.GetProperty("default").GetInt32());
        Assert.Contains("30", wait.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private static string? ProblemSchema(JsonElement responses, string status) =>
        responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json")
            .GetProperty("schema").GetProperty("$ref").GetString();

    private static IEnumerable<(string Key, JsonElement Operation)> Operations() =>
        from path in Document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        select ($"{operation.Name} {path.Name}", operation.Value);

    private static JsonElement Operation(string operationId) =>
        Operations().Single(o => o.Operation.GetProperty("operationId").GetString() == operationId).Operation;

    private static JsonElement Parameter(string operationId, string name) =>
        Operation(operationId).GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);

    private static int FirstDifference(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return length;
    }
}
