using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Tests;

public sealed class OptionContractTests
{
    [Theory]
    [InlineData("SPY   260320P00580000")]
    [InlineData("SPY260320P00580000")]
    public void TryParseOcc_PaddedOrNot_IsTheSameContract(string symbol)
    {
        Assert.True(OptionContract.TryParseOcc(symbol, out var contract));

        Assert.Equal(new OptionContract("SPY", new DateOnly(2026, 3, 20), OptionRight.Put, 580m), contract);
        Assert.Equal("SPY   260320P00580000", contract.OccSymbol);
    }

    [Fact]
    public void TryParseOcc_SixCharacterRootAndFractionalStrike()
    {
        Assert.True(OptionContract.TryParseOcc("GOOGL1191220C00042500", out var contract));

        Assert.Equal(new OptionContract("GOOGL1", new DateOnly(2019, 12, 20), OptionRight.Call, 42.5m), contract);
    }

    [Theory]
    [InlineData("SPY")]
    [InlineData("SPY  260320P00580000")]
    [InlineData("SPY260231P00580000")]
    [InlineData("SPY260320X00580000")]
    [InlineData("SPY260320P0058000")]
    [InlineData("spy260320P00580000")]
    [InlineData("TOOLONG260320P00580000")]
    [InlineData("SPY260320P00000000")]
    [InlineData("260320P00580000")]
    [InlineData(null)]
    public void TryParseOcc_AnythingElse_IsFalse(string? symbol)
    {
        Assert.False(OptionContract.TryParseOcc(symbol, out var contract));
        Assert.Null(contract);
    }
}
