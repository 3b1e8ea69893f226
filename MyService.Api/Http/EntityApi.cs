using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MyService.Api.Http.OpenApi;
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

    /// <param name="uniqueField">The field the store keeps unique (409 when taken), for the document; null when none.</param>
    public static RouteGroupBuilder MapEntityApi<TEntity, TInput>(this IEndpointRouteBuilder app, string prefix, string tag, string? uniqueField = null)
        where TEntity : class, IEntity
        where TInput : class, IInput<TInput>
    {
        // Operation ids from the entity's type (createUser, listItems): what a generated client names its methods.
        var type = typeof(TEntity).Name;
        var entity = Name<TEntity>();
        // "an item", "a user": by the first letter, leaving out u (a user, a unit) — good enough for these names.
        var one = "aeio".Contains(entity[0], StringComparison.Ordinal) ? $"an {entity}" : $"a {entity}";
        var version = $"The {entity}'s version; send it back as If-Match to change only this version.";
        var group = app.MapGroup(prefix).WithTags(tag);
        group.MapGet("/", ListAsync<TEntity, TInput>)
            .WithName($"list{type}s")
            .WithSummary($"List {entity}s, a page at a time")
            .WithDescription("In id order. Pass a page's nextCursor as cursor to read the next page; nextCursor is null on the last.")
            .WithParameter(DocumentedParameters.Limit)
            .WithParameter(new ParameterMetadata("cursor", "The nextCursor of the previous page (opaque); absent for the first page."));
        group.MapGet("/{id}", GetAsync<TEntity, TInput>)
            .WithName($"get{type}")
            .WithSummary($"Read {one}")
            .WithDescription($"The {entity} with its version as the ETag header.")
            .WithParameter(DocumentedParameters.Id(entity))
            .WithResponseHeader(StatusCodes.Status200OK, "ETag", version)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync<TEntity, TInput>)
            .WithName($"create{type}")
            .WithSummary($"Create {one}")
            .WithDescription($"Answers 201 with the new {entity}, its URL in Location and its version as the ETag header.")
            .WithResponseHeader(StatusCodes.Status201Created, "Location", $"The new {entity}'s URL.")
            .WithResponseHeader(StatusCodes.Status201Created, "ETag", version)
            .ProducesBodyProblems(uniqueField);
        group.MapPut("/{id}", UpdateAsync<TEntity, TInput>)
            .WithName($"replace{type}")
            .WithSummary($"Replace {one}")
            .WithDescription($"Replaces every field. With If-Match, the write is refused (412) unless the {entity} is still at that version.")
            .ProducesVersionedWriteProblems(entity)
            .WithResponseHeader(StatusCodes.Status200OK, "ETag", version)
            .ProducesBodyProblems(uniqueField);
        group.MapDelete("/{id}", DeleteAsync<TEntity, TInput>)
            .WithName($"delete{type}")
            .WithSummary($"Delete {one}")
            .WithDescription($"With If-Match, the delete is refused (412) unless the {entity} is still at that version.")
            .ProducesVersionedWriteProblems(entity);
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

    /// <summary>PUT and DELETE of one entity: its id, an optional If-Match, 404 when it is gone, 412 when it changed.</summary>
    private static RouteHandlerBuilder ProducesVersionedWriteProblems(this RouteHandlerBuilder builder, string entity) => builder
        .WithParameter(DocumentedParameters.Id(entity))
        .WithRequestHeader("If-Match", $"The ETag of the {entity} as last read (\"3\", W/\"3\" or 3); absent or * writes whatever the version.")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    /// <summary>
    /// What a request with a body can also be refused with, each naming the field in errors: 409 the unique field is
    /// taken (only for an entity that has one), 413 the body is over the cap, 415 it is not JSON, its charset cannot be
    /// read or it is compressed (Content-Type or Content-Encoding).
    /// </summary>
    private static RouteHandlerBuilder ProducesBodyProblems(this RouteHandlerBuilder builder, string? uniqueField)
    {
        if (uniqueField is not null)
        {
            builder.ProducesValidationProblem(StatusCodes.Status409Conflict);
        }

        return builder
            .ProducesValidationProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesValidationProblem(StatusCodes.Status415UnsupportedMediaType);
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
