using System.Text.Json;
using System.Text.Json.Serialization;
using MyService.Api.Items;
using MyService.Api.Root;
using MyService.Api.Storage;
using MyService.Api.Users;

namespace MyService.Api.Http;

/// <summary>
/// Source-generated JSON for every body the API reads or writes, and for the change events' payloads: no reflection
/// per type at start-up, and serializers generated for each type. Same names and shapes as
/// <see cref="JsonSerializerOptions.Web"/> (camelCase), which the API used before.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(UserInput))]
[JsonSerializable(typeof(Page<User>))]
[JsonSerializable(typeof(Item))]
[JsonSerializable(typeof(ItemInput))]
[JsonSerializable(typeof(Page<Item>))]
[JsonSerializable(typeof(EventPage))]
[JsonSerializable(typeof(ServiceInfo))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
