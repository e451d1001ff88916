using OptionsAutomation.Core.Positions;
using static OptionsAutomation.Core.Tests.Support.TestFills;

namespace OptionsAutomation.Core.Tests.Ledger;

/// <summary>Fills and ledgers refuse what they cannot book, naming every problem.</summary>
public sealed class LedgerInputTests
{
    [Fact]
    public void Fill_WithEveryFieldWrong_ListsEveryProblem()
    {
        var e = Assert.Throws<PositionRuleException>(() => new Fill(Start, " ", (FillSide)7, 0, -1m, 0.001m, 0));

        Assert.Equal(
            [
                "symbol is blank.",
                "side 7 is neither buy nor sell.",
                "quantity must be at least 1, was 0.",
                "price must not be negative, was -1.",
                "fee 0.001 has more than 2 decimals.",
                "multiplier must be above 0, was 0.",
            ],
            e.Problems);
    }

    [Fact]
    public void Fill_PriceWithFiveDecimals_IsRefused()
    {
        var e = Assert.Throws<PositionRuleException>(() => Buy(1, 1.23456m));

        Assert.Equal("price 1.23456 has more than 4 decimals.", e.Message);
    }

    [Fact]
    public void Fill_KeepsTheInstantInUtcAndTheSymbolTrimmed()
    {
        var fill = new Fill(new DateTimeOffset(2026, 2, 20, 10, 0, 0, TimeSpan.FromHours(-5)), " SPY ", FillSide.Sell, 3, 0m, 0m, 1);

        Assert.Equal(TimeSpan.Zero, fill.Time.Offset);
        Assert.Equal(new DateTimeOffset(2026, 2, 20, 15, 0, 0, TimeSpan.Zero), fill.Time);
        Assert.Equal("SPY", fill.Symbol);
        Assert.Equal(-3, fill.SignedQuantity);
    }

    [Fact]
    public void Apply_FillOfAnotherSymbolOrMultiplier_IsRefused()
    {
        var ledger = InstrumentLedger.Flat(Shares, 1, RealizedPnlMethod.Fifo);

        var e = Assert.Throws<PositionRuleException>(() => ledger.Apply(BuyOption(Put580, 1, 1m)));

        Assert.Equal(
            ["a fill for SPY   260320P00580000 cannot change the ledger of SPY.", "SPY has multiplier 1, the fill 100."],
            e.Problems);
    }

    [Fact]
    public void Apply_FillOlderThanTheLastOne_IsRefused()
    {
        var (ledger, _) = Replay(RealizedPnlMethod.Fifo, Buy(100, 10m, minute: 5));

        var e = Assert.Throws<PositionRuleException>(() => ledger.Apply(Sell(100, 11m, minute: 4)));

        Assert.Equal(
            "a fill at 2026-02-20T15:04:00.0000000+00:00 is older than the last fill of SPY at 2026-02-20T15:05:00.0000000+00:00; fills apply in time order.",
            e.Message);
    }

    [Fact]
    public void Apply_FillAtTheSameInstant_IsBooked()
    {
        var (ledger, _) = Replay(RealizedPnlMethod.Fifo, Buy(100, 10m, minute: 5), Sell(100, 11m, minute: 5));

        Assert.Equal(100m, ledger.RealizedPnl);
    }

    [Fact]
    public void Flat_WithoutSymbolOrMultiplier_ListsBoth()
    {
        var e = Assert.Throws<PositionRuleException>(() => InstrumentLedger.Flat("", 0, (RealizedPnlMethod)9));

        Assert.Equal(
            ["symbol is blank.", "multiplier must be above 0, was 0.", "realized P&L method 9 is neither FIFO nor average cost."],
            e.Problems);
    }
}
