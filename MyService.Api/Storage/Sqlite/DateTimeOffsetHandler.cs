using System.Data;
using Dapper;

namespace MyService.Api.Storage.Sqlite;

/// <summary>Dapper's side of <see cref="SqliteTimestamps"/>, for the queries that still go through Dapper (migration).</summary>
internal sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = SqliteTimestamps.Format(value);

    public override DateTimeOffset Parse(object value) => SqliteTimestamps.Parse((string)value);
}
