using MyService.Tests.ApiClient;
using MyService.Tests.ApiClient.Models;
using static MyService.Tests.Api.GeneratedApiClient;

namespace MyService.Tests.Api;

/// <summary>
/// The API driven through the client Kiota generates from the committed document: if the document leaves a status,
/// header or schema out, these fail the way a team's generated client would.
/// </summary>
public sealed class GeneratedClientTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly MyServiceClient _client = factory.CreateGeneratedClient();

    private static UserInput NewUser(string name = "Ann") => new() { Email = $"u{Guid.NewGuid():N}@example.com", Name = name };

    [Fact]
    public async Task Create_answers_the_user_with_its_location_and_etag()
    {
        var headers = ResponseHeaders();
        var user = await _client.Users.PostAsync(NewUser(), With(headers)).WithTimeout();

        Assert.NotNull(user?.Id);
        Assert.Equal(1, user.Version);
        Assert.Equal($"/users/{user.Id}", headers.Single("Location"));
        Assert.Equal("\"1\"", headers.Single("ETag"));
    }

    [Fact]
    public async Task Read_answers_the_created_user_with_its_etag()
    {
        var input = NewUser();
        var created = await _client.Users.PostAsync(input).WithTimeout();
        var headers = ResponseHeaders();

        var read = await _client.Users[created!.Id!.Value].GetAsync(With(headers)).WithTimeout();

        Assert.Equal(input.Email, read?.Email);
        Assert.Equal("\"1\"", headers.Single("ETag"));
    }

    [Fact]
    public async Task List_follows_the_cursor_across_pages_in_id_order()
    {
        var created = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var item = await _client.Items.PostAsync(new ItemInput { Name = $"item {i}" }).WithTimeout();
            created.Add(item!.Id!.Value);
        }

        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _client.Items.GetAsync(c =>
            {
                c.QueryParameters.Limit = 2;
                c.QueryParameters.Cursor = cursor;
            }).WithTimeout();
            Assert.True(page?.Items?.Count <= 2);
            seen.AddRange(page!.Items!.Select(i => i.Id!.Value));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.True(pages >= 3, $"5 items at 2 a page took {pages} page(s).");
        Assert.Equal(seen.Order(), seen);
        Assert.Subset(seen.ToHashSet(), created.ToHashSet());
    }

    [Fact]
    public async Task Replace_with_if_match_writes_the_next_version()
    {
        var created = await _client.Users.PostAsync(NewUser()).WithTimeout();
        var headers = ResponseHeaders();

        var replaced = await _client.Users[created!.Id!.Value]
            .PutAsync(new UserInput { Email = created.Email, Name = "Bea" }, With(headers, "\"1\"")).WithTimeout();

        Assert.Equal("Bea", replaced?.Name);
        Assert.Equal(2, replaced?.Version);
        Assert.Equal("\"2\"", headers.Single("ETag"));
    }

    [Fact]
    public async Task Delete_with_if_match_removes_the_user()
    {
        var created = await _client.Users.PostAsync(NewUser()).WithTimeout();
        var user = _client.Users[created!.Id!.Value];

        await user.DeleteAsync(With(ResponseHeaders(), "\"1\"")).WithTimeout();

        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => user.GetAsync().WithTimeout());
        Assert.Equal(404, problem.ResponseStatusCode);
    }

    [Fact]
    public async Task Unknown_id_is_a_typed_404_problem()
    {
        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => _client.Items[long.MaxValue].GetAsync().WithTimeout());

        Assert.Equal(404, problem.Status);
        Assert.Contains($"{long.MaxValue}", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Taken_email_is_a_typed_409_problem_naming_email()
    {
        var input = NewUser();
        await _client.Users.PostAsync(input).WithTimeout();

        var problem = await Assert.ThrowsAsync<HttpValidationProblemDetails>(
            () => _client.Users.PostAsync(new UserInput { Email = input.Email, Name = "Other" }).WithTimeout());

        Assert.Equal(409, problem.Status);
        Assert.Equal(["email"], problem.Errors?.AdditionalData.Keys);
    }

    [Fact]
    public async Task Stale_version_is_a_typed_412_problem_with_the_current_version()
    {
        var created = await _client.Users.PostAsync(NewUser()).WithTimeout();
        var user = _client.Users[created!.Id!.Value];
        await user.PutAsync(new UserInput { Email = created.Email, Name = "Bea" }).WithTimeout();

        var problem = await Assert.ThrowsAsync<ProblemDetails>(
            () => user.PutAsync(new UserInput { Email = created.Email, Name = "Cy" }, With(ResponseHeaders(), "\"1\"")).WithTimeout());

        Assert.Equal(412, problem.Status);
        Assert.Contains("currentVersion", problem.AdditionalData.Keys);
    }

    [Fact]
    public async Task Invalid_field_is_a_typed_400_problem_with_the_field_in_errors()
    {
        var problem = await Assert.ThrowsAsync<HttpValidationProblemDetails>(
            () => _client.Users.PostAsync(new UserInput { Email = "not an address", Name = "Ann" }).WithTimeout());

        Assert.Equal(400, problem.Status);
        Assert.Equal(["email"], problem.Errors?.AdditionalData.Keys);
    }

    [Fact]
    public async Task The_feed_read_with_wait_answers_the_events_already_there_and_an_empty_page_when_the_wait_ends()
    {
        var created = await _client.Items.PostAsync(new ItemInput { Name = "fed" }).WithTimeout();

        var page = await _client.Events.GetAsync(c =>
        {
            c.QueryParameters.After = 0;
            c.QueryParameters.Limit = 1000;
            c.QueryParameters.Wait = 5;
        }).WithTimeout();
        var end = await _client.Events.GetAsync(c =>
        {
            c.QueryParameters.After = page!.LastSequence;
            c.QueryParameters.Wait = 1;
        }).WithTimeout();

        Assert.Contains(page!.Events!, e => e.EntityType == "item" && e.EntityId == created!.Id);
        Assert.Empty(end!.Events!);
        Assert.Equal(page.LastSequence, end.LastSequence);
    }

    [Fact]
    public async Task A_wait_over_30_is_a_typed_400_problem_naming_wait()
    {
        var problem = await Assert.ThrowsAsync<HttpValidationProblemDetails>(
            () => _client.Events.GetAsync(c => c.QueryParameters.Wait = 31).WithTimeout());

        Assert.Equal(400, problem.Status);
        Assert.Equal(["wait"], problem.Errors?.AdditionalData.Keys);
    }
}
