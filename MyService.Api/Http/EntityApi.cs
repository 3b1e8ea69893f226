using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MyService.Api.Storage;

namespace MyService.Api.Http;

/// <summary>
/// The CRUD surface every entity shares (users, items):
///   GET    /{entities}?limit=&amp;cursor=   page in id order
///   GET    /{entities}/{id}               one, with ETag = version
///   POST   /{entities}                    201 + Location
///   PUT    /{entities}/{id}               If-Match optional; 412 on a stale version
///   DELETE /{entities}/{id}               204; If-Match optional
/// </summary>
internal static class EntityApi
{

    public static RouteGroupBuilder MapEntityApi<TEntity, TInput>(this IEndpointRouteBuilder app, string prefix, string tag)
        where TEntity : class, IEntity
        where TInput : class, IInput<TInput>
    {
        var group = app.MapGroup(prefix).WithTags(tag);
        group.MapGet("/", ListAsync<TEntity, TInput>);
        group.MapGet("/{id}", GetAsync<TEntity, TInput>);
        group.MapPost("/", CreateAsync<TEntity, TInput>);
        group.MapPut("/{id}", UpdateAsync<TEntity, TInput>);
        group.MapDelete("/{id}", DeleteAsync<TEntity, TInput>);
        return group;
    }

    public static async Task<Results<Ok<Page<TEntity>>, ValidationProblem>> ListAsync<TEntity, TInput>(
        string? limit, string? cursor, [FromServices] IEntityStore<TEntity, TInput> store, CancellationToken cancellationToken)
        where TEntity : class, IEntity
    {
        if (RequestParsing.ParseLimit(limit, out var take) is { } limitError)
        {
            return Problems.Invalid("limit", limitError);
        }

        if (RequestParsing.ParseCursor(cursor, out var afterId) is { } cursorError)
        {
            return Problems.Invalid("cursor", cursorError);
        }

        // One extra row says whether another page exists without a second query.
        var rows = await store.ListAsync(afterId, take + 1, cancellationToken);
        var items = rows.Take(take).ToList();
        var next = rows.Count > take ? RequestParsing.EncodeCursor(items[^1].Id) : null;
        return TypedResults.Ok(new Page<TEntity>(items, next));
    }

    public static async Task<Results<Ok<TEntity>, ValidationProblem, ProblemHttpResult>> GetAsync<TEntity, TInput>(
        string id, HttpResponse response, [FromServices] IEntityStore<TEntity, TInput> store, CancellationToken cancellationToken)
        where TEntity : class, IEntity
    {
        if (!RequestParsing.TryParseId(id, out var key))
        {
            return InvalidId();
        }

        var entity = await store.FindAsync(key, cancellationToken);
        if (entity is null)
        {
            return Problems.NotFound(Name<TEntity>(), key);
        }

        response.Headers.ETag = RequestParsing.ETag(entity.Version);
        return TypedResults.Ok(entity);
    }

    public static async Task<Results<Created<TEntity>, ValidationProblem, ProblemHttpResult>> CreateAsync<TEntity, TInput>(
        TInput? input, HttpContext context, [FromServices] IEntityStore<TEntity, TInput> store, ILogger<EntityLog> logger, CancellationToken cancellationToken)
        where TEntity : class, IEntity
        where TInput : class, IInput<TInput>
    {
        if (input is null)
        {
            return MissingBody();
        }

        if (input.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await store.CreateAsync(input.Normalized(), cancellationToken);
        if (result.Entity is not { } entity || result.Outcome != WriteOutcome.Written)
        {
            return Refusal(result, 0);
        }

        EntityLog.Created(logger, EntityName<TEntity>.Value, entity.Id);
        context.Response.Headers.ETag = RequestParsing.ETag(entity.Version);
        return TypedResults.Created($"{context.Request.Path.Value?.TrimEnd('/')}/{entity.Id}", entity);
    }

    public static async Task<Results<Ok<TEntity>, ValidationProblem, ProblemHttpResult>> UpdateAsync<TEntity, TInput>(
        string id, TInput? input, HttpContext context, [FromServices] IEntityStore<TEntity, TInput> store, CancellationToken cancellationToken)
        where TEntity : class, IEntity
        where TInput : class, IInput<TInput>
    {
        if (!RequestParsing.TryParseId(id, out var key))
        {
            return InvalidId();
        }

        if (RequestParsing.ParseIfMatch(context.Request.Headers.IfMatch, out var expected) is { } ifMatchError)
        {
            return Problems.Invalid("If-Match", ifMatchError);
        }

        if (input is null)
        {
            return MissingBody();
        }

        if (input.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await store.UpdateAsync(key, input.Normalized(), expected, cancellationToken);
        if (result.Entity is not { } entity || result.Outcome != WriteOutcome.Written)
        {
            return Refusal(result, key);
        }

        context.Response.Headers.ETag = RequestParsing.ETag(entity.Version);
        return TypedResults.Ok(entity);
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync<TEntity, TInput>(
        string id, HttpRequest request, [FromServices] IEntityStore<TEntity, TInput> store, ILogger<EntityLog> logger, CancellationToken cancellationToken)
        where TEntity : class, IEntity
    {
        if (!RequestParsing.TryParseId(id, out var key))
        {
            return InvalidId();
        }

        if (RequestParsing.ParseIfMatch(request.Headers.IfMatch, out var expected) is { } ifMatchError)
        {
            return Problems.Invalid("If-Match", ifMatchError);
        }

        var result = await store.DeleteAsync(key, expected, cancellationToken);
        if (result.Outcome != WriteOutcome.Written)
        {
            return Refusal(result, key);
        }

        EntityLog.Deleted(logger, EntityName<TEntity>.Value, key);
        return TypedResults.NoContent();
    }

    // A generic body parameter is optional to the binder, so an empty or `null` body arrives here as null.
    private static ValidationProblem MissingBody() => Problems.Invalid("body", "A JSON body is required.");

    private static ValidationProblem InvalidId() => Problems.Invalid("id", "The id must be a positive whole number.");

    private static ProblemHttpResult Refusal<TEntity>(WriteResult<TEntity> result, long id) where TEntity : class => result.Outcome switch
    {
        WriteOutcome.NotFound => Problems.NotFound(Name<TEntity>(), id),
        WriteOutcome.Conflict => Problems.Conflict(Name<TEntity>(), result.ConflictField ?? "value"),
        WriteOutcome.VersionMismatch => Problems.VersionMismatch(Name<TEntity>(), id, result.CurrentVersion ?? 0),
        _ => throw new InvalidOperationException($"A write that succeeded is not a refusal: {result.Outcome}."),
    };

    private static string Name<TEntity>() => EntityName<TEntity>.Value;

    private static class EntityName<TEntity>
    {
        public static readonly string Value = typeof(TEntity).Name.ToLowerInvariant();
    }
}
