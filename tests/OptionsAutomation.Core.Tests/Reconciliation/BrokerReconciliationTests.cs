using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Reconciliation;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Core.Tests.Reconciliation;

/// <summary>The broker-versus-book comparison: quantities, one-sided symbols, average prices, orders in flight, expiry.</summary>
public sealed class BrokerReconciliationTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateTimeOffset At = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly OptionContract Put580 = new("SPY", new DateOnly(2026, 4, 17), OptionRight.Put, 580m);
    private static readonly OptionContract Put575 = new("SPY", new DateOnly(2026, 4, 17), OptionRight.Put, 575m);
    private static readonly OptionContract Expired = new("SPY", new DateOnly(2026, 2, 27), OptionRight.Put, 560m);
    private static readonly (string, int)[] NothingWorking = [];

    private static ReconciliationReport Compare(BrokerPosition[] broker, Holding[] ours, (string, int)[]? working = null) =>
        BrokerReconciliation.Compare(broker, ours, working ?? NothingWorking, Today, At);

    [Fact]
    public void AMatchingBook_HasNoDifferences_AndAnEmptySignature()
    {
        // A VPC: short 580 at 3.10, long 575 at 1.60; the broker's averages within half a cent.
        var report = Compare([new(Put580, -2, 3.1049m), new(Put575, 2, 1.5951m)], [new(Put580, -2, 3.10m), new(Put575, 2, 1.60m)]);

        Assert.True(report.Matches);
        Assert.Equal("", report.Signature);
        Assert.Equal(2, report.Lines.Count);
    }

    [Fact]
    public void QuantityAndOneSidedSymbols_AreDifferences_NamedInTheirOrder()
    {
        var report = Compare([new(Put580, -3, 3.10m), new(Put575, 1, 1.60m)], [new(Put580, -2, 3.10m), new(Expired, -1, 1m)]);

        Assert.Equal(
        [
            new ReconciliationDifference(Put575.OccSymbol, ReconciliationDifference.OnlyAtBroker, 0, 1, null, 1.60m),
            new ReconciliationDifference(Put580.OccSymbol, ReconciliationDifference.Quantity, -2, -3, 3.10m, 3.10m),
        ], report.Differences);
        Assert.Equal("SPY260417P00575000:ONLY_AT_BROKER:0:1;SPY260417P00580000:QUANTITY:-2:-3", report.Signature);
        Assert.Equal("SPY 260417P00575000 ONLY_AT_BROKER ours 0 broker 1", report.Differences[0].ToString());
    }

    [Fact]
    public void OnlyOurs_AndAnAveragePriceBeyondHalfACent()
    {
        var report = Compare([new(Put575, 1, 1.6051m)], [new(Put580, -1, 3.10m), new(Put575, 1, 1.60m)]);

        Assert.Equal([ReconciliationDifference.AveragePrice, ReconciliationDifference.OnlyOurs], report.Differences.Select(d => d.Kind));
        Assert.Equal((1.60m, 1.6051m), (report.Differences[0].OurAveragePrice, report.Differences[0].BrokerAveragePrice));
    }

    [Fact]
    public void AClosingOrderStillWorking_MayHaveTradedAtTheBroker_WithoutAFalseAlarm()
    {
        // Short 2; our working closing order buys 2. The broker at -1 (one filled) or 0 is in flight; +1 is not.
        (string, int)[] closing = [(Put580.OccSymbol, 2)];

        Assert.True(Compare([new(Put580, -1, 3.10m)], [new(Put580, -2, 3.10m)], closing).Matches);
        Assert.Equal([Put580.OccSymbol], Compare([], [new(Put580, -2, 3.10m)], closing).InFlight);
        Assert.Equal(ReconciliationDifference.Quantity, Assert.Single(Compare([new(Put580, 1, 3.10m)], [new(Put580, -2, 3.10m)], closing).Differences).Kind);
    }

    [Fact]
    public void AnOpeningOrderStillWorking_IsInFlightToo_AndUnknownOrMixedAveragesAreNotCompared()
    {
        Assert.True(Compare([new(Put580, -1, 3.10m)], [], [(Put580.OccSymbol, -1)]).Matches);
        Assert.True(Compare([new(Put580, -1, 9.99m)], [new(Put580, -1, null)]).Matches);
        Assert.True(Compare([new(Put580, 1, 9.99m)], [new(Put580, -1, 3.10m), new(Put580, 2, 2.00m)]).Matches);
    }

    [Fact]
    public void ExpiredContracts_AreLeftOut()
    {
        Assert.True(Compare([new(Expired, -1, 1m)], []).Matches);
    }

    [Fact]
    public void Alert_NamesTheSymbols_AndItsKeyFollowsTheSignatureAndTheRunBefore()
    {
        var report = Compare([new(Put575, 1, 1.60m)], []);

        var alert = ReconciliationAlert.For(report, new ReconciliationRun(41, ""), TradingState.Reducing);
        var again = ReconciliationAlert.For(report, new ReconciliationRun(41, ""), TradingState.Reducing);
        var later = ReconciliationAlert.For(report, new ReconciliationRun(57, ""), TradingState.Reducing);

        Assert.Equal("broker_mismatch", alert.Kind);
        Assert.StartsWith("Broker positions differ from ours: SPY 260417P00575000 ONLY_AT_BROKER ours 0 broker 1. Trading set to REDUCING", alert.Text, StringComparison.Ordinal);
        Assert.Equal(alert.DedupKey, again.DedupKey);
        Assert.NotEqual(alert.DedupKey, later.DedupKey);
        Assert.EndsWith(":41", alert.DedupKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_OnMismatchIsReducingOrHalted()
    {
        Assert.Empty(new ReconciliationSettings().Validate());
        Assert.Equal(TradingState.Halted, new ReconciliationSettings { OnMismatch = "halted" }.MismatchState);
        Assert.Equal(
            ["Broker:ReconcileMinutes must be in [1, 59], was 0.", "Broker:OnMismatch must be REDUCING or HALTED, was ACTIVE."],
            new ReconciliationSettings { ReconcileMinutes = 0, OnMismatch = "ACTIVE" }.Validate());
        Assert.Equal("0 0/5 9-15 ? * MON-FRI", new ReconciliationSettings().Cron);
    }
}
