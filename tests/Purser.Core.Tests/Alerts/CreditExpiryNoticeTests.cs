using Purser.Core.Alerts;

namespace Purser.Core.Tests.Alerts;

public class CreditExpiryNoticeTests
{
    private static readonly DateOnly Expires = new(2019, 10, 31);

    [Theory]
    [InlineData(2019, 9, 30, null)]
    [InlineData(2019, 10, 1, 30)]
    [InlineData(2019, 10, 23, 30)]
    [InlineData(2019, 10, 24, 7)]
    [InlineData(2019, 10, 30, 7)]
    [InlineData(2019, 10, 31, null)]
    [InlineData(2019, 11, 5, null)]
    public void Thirty_days_out_and_seven_days_out_each_get_their_notice(int year, int month, int day, int? expected) =>
        Assert.Equal(expected, CreditExpiryNotice.Stage(new DateOnly(year, month, day), Expires));
}
