using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Trading;
using static OptionsAutomation.Core.Tests.Risk.Portfolio.PortfolioFixtures;

namespace OptionsAutomation.Core.Tests.Risk.Portfolio;

/// <summary>The informational readings: volatility spikes and correlation changes alert once and never act.</summary>
public sealed class RiskSignalTests
{
    [Fact]
    public void VolSpike_RecentReturnsFarWiderThanTheHistory_WarnsAsASignal_ForHeldAndBenchmark()
    {
        // 25 calm days at 1% then 5 at ±4%: the 5-day volatility is several times the 30-day one.
        double[] wild = [.. NormalReturns(25, 0.01), 0.04, -0.04, 0.04, -0.04, 0.04];
        var history = ReturnHistory.FromReturns(Dates(30), new Dictionary<string, double[]> { ["QQQ"] = wild, ["SPY"] = NormalReturns(30, 0.01) });

        var limits = Analyzer().Report(Inputs([ShortPut("QQQ", 500, 480m, 0.1, 0.22)], history)).Limits.Where(l => l.Informational).ToDictionary(l => l.Name);

        Assert.Equal(["vol_spike:QQQ", "vol_spike:SPY"], limits.Keys.Order(StringComparer.Ordinal));
        var qqq = limits["vol_spike:QQQ"];
        Assert.Equal((LimitState.Warn, 1.5m, "ratio"), (qqq.State, qqq.Limit, qqq.Unit));
        var recent = RiskStatistics.StandardDeviation(wild[25..]) / RiskStatistics.StandardDeviation(wild);
        Assert.Equal(Math.Round((decimal)recent, 6, MidpointRounding.AwayFromZero), qqq.Value);
        Assert.StartsWith("QQQ: 5-day realized volatility ", qqq.Detail, StringComparison.Ordinal);
        Assert.Equal(LimitState.Ok, limits["vol_spike:SPY"].State);
    }

    [Fact]
    public void Signal_FarAboveItsThreshold_StaysWarn_NeverBreach()
    {
        var reading = LimitReading.Signal("vol_spike:SPY", 10m, 1.5m, "ratio", "SPY");

        Assert.Equal((LimitState.Warn, true), (reading.State, reading.Informational));
        Assert.Equal(LimitState.Ok, LimitReading.Signal("vol_spike:SPY", 1.49m, 1.5m, "ratio", "SPY").State);
    }

    [Fact]
    public void CorrelationChange_AgainstTheReferenceSnapshot_WarnsPerHeldPair()
    {
        var spy = NormalReturns(30, 0.01);
        var history = ReturnHistory.FromReturns(Dates(30), new Dictionary<string, double[]>
        {
            ["SPY"] = spy,
            ["QQQ"] = [.. spy.Select(r => r * 1.2)],
            ["IWM"] = NormalReturns(30, 0.012, 11),
        });
        var positions = new[] { ShortPut("SPY", 580, 560m, 0.1, 0.18, id: 1), ShortPut("QQQ", 500, 480m, 0.1, 0.22, id: 2), ShortPut("IWM", 220, 210m, 0.1, 0.25, id: 3) };
        var model = new CovarianceModel(history, ["IWM", "QQQ", "SPY"]);
        // Yesterday QQQ/SPY stood at 0.70 (now 1.00: moved 0.30); IWM's pairs stood where they are now.
        var reference = new CorrelationSnapshot(AsOf.AddDays(-1), ["IWM", "QQQ", "SPY"],
        [
            [1m, Ratio(model.Correlation[0, 1]), Ratio(model.Correlation[0, 2])],
            [Ratio(model.Correlation[1, 0]), 1m, 0.70m],
            [Ratio(model.Correlation[2, 0]), 0.70m, 1m],
        ]);

        var limits = Analyzer().Report(Inputs(positions, history) with { CorrelationReference = reference }).Limits
            .Where(l => l.Name.StartsWith("correlation_change:", StringComparison.Ordinal)).ToDictionary(l => l.Name);

        Assert.Equal(["correlation_change:IWM/QQQ", "correlation_change:IWM/SPY", "correlation_change:QQQ/SPY"], limits.Keys);
        Assert.Equal((0.30m, LimitState.Warn, true), (limits["correlation_change:QQQ/SPY"].Value, limits["correlation_change:QQQ/SPY"].State, limits["correlation_change:QQQ/SPY"].Informational));
        Assert.StartsWith("QQQ/SPY correlation 0.70 at ", limits["correlation_change:QQQ/SPY"].Detail, StringComparison.Ordinal);
        Assert.Equal((0m, LimitState.Ok), (limits["correlation_change:IWM/SPY"].Value, limits["correlation_change:IWM/SPY"].State));
        // Without a reference (the first day, or the CLI's report) the signal is not read at all.
        Assert.DoesNotContain(Analyzer().Report(Inputs(positions, history)).Limits, l => l.Name.StartsWith("correlation_change:", StringComparison.Ordinal));
    }

    [Fact]
    public void Alerts_ASignalHasItsOwnKind_AndClearsLikeALimit()
    {
        var spike = LimitReading.Signal("vol_spike:SPY", 1.8m, 1.5m, "ratio", "SPY: …");
        var change = LimitReading.Signal("correlation_change:QQQ/SPY", 0.3m, 0.2m, "correlation", "QQQ/SPY …");

        var alert = RiskAlerts.For(new LimitCrossing(spike.Name, LimitState.Ok, LimitState.Warn, spike), AsOf);

        Assert.Equal("risk_vol_spike", alert.Kind);
        Assert.Equal("Risk signal vol_spike:SPY OK → WARN: 1.8 ratio against 1.5 ratio (informational); SPY: …", alert.Text);
        Assert.Equal("risk_correlation_change", RiskAlerts.For(new LimitCrossing(change.Name, LimitState.Ok, LimitState.Warn, change), AsOf).Kind);
        var calm = spike with { Value = 1.1m, State = LimitState.Ok };
        Assert.Equal("risk_cleared", RiskAlerts.For(new LimitCrossing(spike.Name, LimitState.Warn, LimitState.Ok, calm), AsOf).Kind);
    }

    [Fact]
    public void Settings_SignalKeysValidated_AndHaveShortForms()
    {
        var errors = new PortfolioRiskSettings { VolSpikeRatio = 1, VolSpikeWindowDays = 1, CorrelationChangeAlert = 0 }.Validate();

        Assert.Equal(3, errors.Count);
        Assert.Equal("Risk:VolSpikeRatio", RiskEnvironment.ShortForms["RISK_VOL_SPIKE_RATIO"]);
        Assert.Equal("Risk:VolSpikeWindowDays", RiskEnvironment.ShortForms["RISK_VOL_SPIKE_WINDOW_DAYS"]);
        Assert.Equal("Risk:CorrelationChangeAlert", RiskEnvironment.ShortForms["RISK_CORRELATION_CHANGE_ALERT"]);
    }

    private static decimal Ratio(double value) => Math.Round((decimal)value, 6, MidpointRounding.AwayFromZero);
}
