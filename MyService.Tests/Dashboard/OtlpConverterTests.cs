using MyService.Hosting.Dashboard.Telemetry;

namespace MyService.Tests.Dashboard;

public sealed class OtlpConverterTests
{
    [Theory]
    [InlineData(13, "", "Warning")]
    [InlineData(0, "WARN", "Warning")]
    [InlineData(0, "fatal", "Critical")]
    [InlineData(0, "err", "Error")]
    [InlineData(0, "", "Information")]
    [InlineData(0, "NOTICE", "Information")]
    public void A_log_level_is_always_one_of_the_six_the_filter_ranks(int severityNumber, string severityText, string expected) =>
        Assert.Equal(expected, OtlpConverter.Level(severityNumber, severityText));
}
