using System.Data;
using System.Globalization;
using Dapper;

namespace MyService.Api.Storage.Sqlite;

/// <summary>Stores timestamps as round-trip ISO 8601 text in UTC, readable with the sqlite3 shell and sortable.</summary>
internal sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) =>
        parameter.Value = value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public override DateTimeOffset Parse(object value) =>
        DateTimeOffset.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
