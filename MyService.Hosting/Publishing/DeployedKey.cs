namespace MyService.Hosting.Publishing;

/// <summary>A DynamoDB key attribute: its name, attribute type (<c>S</c>) and key type (<c>HASH</c> or <c>RANGE</c>).</summary>
public sealed record DeployedKey(string Name, string AttributeType, string KeyType);
