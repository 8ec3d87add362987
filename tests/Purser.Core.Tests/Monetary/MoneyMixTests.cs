using Purser.Core.Monetary;

namespace Purser.Core.Tests.Monetary;

/// <summary>Money never mixes currencies, whatever the amounts, and there is no currency-less money.</summary>
public class MoneyMixTests
{
    private static readonly Money OneDollar = new(1m, Currency.USD);
    private static readonly Money NothingInEuro = new(0m, Currency.EUR);

    // Each comparison whose amounts alone would answer "false" once short-circuited the currency check.
    public static TheoryData<string, Func<bool>> Comparisons => new()
    {
        { "<", () => OneDollar < NothingInEuro },
        { ">", () => NothingInEuro > OneDollar },
        { "<=", () => OneDollar <= NothingInEuro },
        { ">=", () => NothingInEuro >= OneDollar },
    };

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void Comparing_amounts_of_two_currencies_is_refused_whatever_the_amounts(string op, Func<bool> compare)
    {
        var error = Assert.Throws<InvalidOperationException>(() => compare());
        Assert.Contains("USD", error.Message, StringComparison.Ordinal);
        Assert.NotNull(op);
    }

    [Fact]
    public void Min_and_max_refuse_a_mix()
    {
        Assert.Throws<InvalidOperationException>(() => Money.Min(OneDollar, NothingInEuro));
        Assert.Throws<InvalidOperationException>(() => Money.Max(NothingInEuro, OneDollar));
    }

    [Fact]
    public void Money_needs_a_currency() =>
        Assert.Throws<ArgumentNullException>(() => new Money(1m, null!));

    [Fact]
    public void Default_money_cannot_take_part_in_arithmetic_or_comparison()
    {
        Assert.Throws<InvalidOperationException>(() => default(Money) + OneDollar);
        Assert.Throws<InvalidOperationException>(() => default(Money) < OneDollar);
    }

    [Theory]
    [InlineData("KWD", 3)]
    [InlineData("BHD", 3)]
    [InlineData("JPY", 0)]
    [InlineData("CLF", 4)]
    [InlineData("ZAR", 2)]
    [InlineData("chf", 2)]
    public void Every_active_ISO_4217_currency_is_known_with_its_minor_unit(string code, int digits)
    {
        Assert.True(Currency.TryParse(code, out var currency));
        Assert.Equal(digits, currency.MinorUnitDigits);
        Assert.Equal(code.ToUpperInvariant(), currency.Code);
    }

    [Fact]
    public void The_list_is_the_full_one_and_has_no_codes_without_a_minor_unit()
    {
        Assert.True(Currency.KnownCodes.Count() > 150);
        Assert.All(Currency.KnownCodes, code => Assert.Matches("^[A-Z]{3}$", code));
        Assert.False(Currency.TryParse("XAU", out _));
        Assert.False(Currency.TryParse("XXX", out _));
        Assert.False(Currency.TryParse("ABC", out _));
    }

    [Fact]
    public void A_three_decimal_currency_rounds_to_the_fils() =>
        Assert.Equal(new Money(1.235m, Currency.Parse("KWD")), new Money(1.2345m, Currency.Parse("KWD")).RoundAsCharge());
}
