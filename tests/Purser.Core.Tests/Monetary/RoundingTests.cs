using Purser.Core.Monetary;

namespace Purser.Core.Tests.Monetary;

public class RoundingTests
{
    [Theory]
    [InlineData(26.6129, 26.61)]
    [InlineData(0.005, 0.01)]
    [InlineData(-0.005, -0.01)]
    [InlineData(2.345, 2.35)]
    public void Charges_round_half_away_from_zero(decimal amount, decimal expected) =>
        Assert.Equal(expected, Rounding.Charge(amount, Currency.CNY));

    [Theory]
    [InlineData(-74.5161, -74.51)]
    [InlineData(74.519, 74.51)]
    [InlineData(-22.5806, -22.58)]
    public void Credits_round_toward_zero(decimal amount, decimal expected) =>
        Assert.Equal(expected, Rounding.Credit(amount, Currency.CNY));

    [Fact]
    public void Yen_has_no_minor_unit() =>
        Assert.Equal(101m, Rounding.Charge(100.5m, Currency.JPY));

    [Fact]
    public void Mixing_currencies_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => new Money(1m, Currency.CNY) + new Money(1m, Currency.USD));

    [Fact]
    public void Unknown_currency_codes_do_not_parse() =>
        Assert.False(Currency.TryParse("XYZ", out _));
}
