using OptionsAutomation.Core;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Infrastructure.Risk;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Proposals;

/// <summary>
/// The screener on real SPY quotes of 2021-03-01 (the file's end-of-day chain, stamped 16:00 ET), storing
/// proposals in Postgres. The 30–45 DTE window holds one expiration, 2021-03-31 (30 days), with two puts:
/// 369 (bid 3.51, ask 3.55, Δ −0.21281, OI 2569) and 370 (bid 3.65, ask 3.69, Δ −0.22398, OI 12320).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ProposalServiceTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Close = new(2021, 3, 1, 21, 0, 0, TimeSpan.Zero);

    private readonly RealTimersClock _clock = new(Close);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task DefaultRules_ProposeTheCsp_AndSayWhyNoSpread()
    {
        var run = await Service(risk: new RiskSettings()).RunAsync(Close, CancellationToken.None);

        // Half of 100,000 secures one 370 put (37,000), which the default risk limits allow; no 365 put is listed for the spread.
        var proposal = Assert.Single(run.Proposals);
        Assert.Equal((370m, 1, 3.67m), (proposal.ShortStrike, proposal.Quantity, proposal.NetCredit));
        Assert.StartsWith("PASS 9/9", proposal.RiskSummary, StringComparison.Ordinal);
        Assert.Equal(["VPC NO_LONG_PUT: expiration=2021-03-31, strike=365"], run.Denials.Select(d => $"{d.Strategy.ToCode()} {d}"));
        Assert.Equal(1, await _db.CountAsync("trade_requests"));
    }

    [Fact]
    public async Task LargerRiskBudget_ProposesThe370PutOnce_AndItExpiresAfterTheWindow()
    {
        var sizing = new SizingSettings { CollateralPerTradePct = 40m };

        var first = await Service(sizing).RunAsync(Close, CancellationToken.None);
        var second = await Service(sizing).RunAsync(Close, CancellationToken.None);

        var proposal = Assert.Single(first.Proposals);
        Assert.Equal(
            ("prop-20210301-SPY-CSP", ProposalStatus.Proposed, new DateOnly(2021, 3, 31), 370m, 3.67m, 1, 36633.00m, 37000.00m, 0.7760m),
            (proposal.RequestId, proposal.Status, proposal.Expiration, proposal.ShortStrike, proposal.NetCredit, proposal.Quantity,
                proposal.MaxLoss, proposal.Collateral, proposal.ProbabilityOfProfit!.Value));
        Assert.Equal("SPY   210331P00370000", Assert.Single(proposal.Legs).Contract.OccSymbol);
        Assert.StartsWith("PASS 9/9", proposal.RiskSummary, StringComparison.Ordinal);
        // Screened at the close, so the window runs into the next session: 30 minutes from now.
        Assert.Equal(Close.AddMinutes(30), proposal.ExpiresAt);
        Assert.Equal(proposal, Assert.Single(second.Proposals));
        Assert.Equal(1, await _db.CountAsync("trade_requests"));
        Assert.Equal(1, await _db.CountAsync("audit_events", "event_type = 'proposal.created'"));

        _clock.SetUtcNow(Close.AddMinutes(31));
        var expired = await _db.Expiry().ExpireDueAsync(_clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal(ProposalStatus.Expired, (await Store().FindAsync(proposal.RequestId, CancellationToken.None))!.Status);
        Assert.Single(expired);
        Assert.Equal(1, await _db.CountAsync("audit_events", "event_type = 'proposal.expired'"));
    }

    [Fact]
    public async Task DuringTheSession_TheWindowNeverRunsPastTheClose()
    {
        // 15:45 ET on 2021-03-02: 30 minutes would end at 16:15, after the 16:00 close. The latest chain is
        // the 03-01 close, and 2021-03-31 is now 29 days out, so the window starts at 29.
        var nextClose = Close.AddDays(1);
        var lateInTheDay = nextClose.AddMinutes(-15);
        _clock.SetUtcNow(lateInTheDay);

        // That chain is a day old, which the gate refuses by default (QUOTE_STALE); allow it here.
        var run = await Service(new SizingSettings { CollateralPerTradePct = 40m }, minDaysToExpiry: 29, LooseRisk with { MaxQuoteAgeMinutes = 2 * 24 * 60 })
            .RunAsync(lateInTheDay, CancellationToken.None);

        Assert.Equal(nextClose, Assert.Single(run.Proposals).ExpiresAt);
    }

    [Fact]
    public async Task AnOrderLimitBelowTheSizing_DeniesA37000CspOnA100000Account()
    {
        var run = await Service(new SizingSettings { CollateralPerTradePct = 40m }, risk: new RiskSettings { MaxOrderNotionalPercent = 20m }).RunAsync(Close, CancellationToken.None);

        Assert.Empty(run.Proposals);
        Assert.StartsWith("RISK_DENIED: ORDER_NOTIONAL_PERCENT_EXCEEDED", Assert.Single(run.Denials, d => d.Strategy == StrategyType.CashSecuredPut).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhileHalted_NothingIsProposed()
    {
        await _db.Controls(LooseRisk).SetStateAsync(TradingState.Halted, "test", "test", Close, CancellationToken.None);

        var run = await Service(new SizingSettings { CollateralPerTradePct = 40m }).RunAsync(Close, CancellationToken.None);

        Assert.Empty(run.Proposals);
        Assert.StartsWith("RISK_DENIED: TRADING_HALTED", Assert.Single(run.Denials, d => d.Strategy == StrategyType.CashSecuredPut).ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await _db.CountAsync("audit_events", "event_type = 'risk.denied' AND entity_id = 'prop-20210301-SPY-CSP' AND data->>'denial' LIKE 'TRADING_HALTED%'"));
        Assert.Equal(1, await _db.CountAsync("outbox", "dedup_key = 'risk-denied:prop-20210301-SPY-CSP' AND payload->>'kind' = 'risk_denied' AND payload->>'text' LIKE 'Risk gate refused prop-20210301-SPY-CSP: TRADING_HALTED%'"));
    }

    [Fact]
    public async Task TickerAtItsPositionLimit_IsPassedOver()
    {
        await _db.Positions(_clock).OpenAsync(new Core.Positions.OpenPositionRequest
        {
            RequestId = "held", Strategy = StrategyType.CashSecuredPut, Ticker = "SPY", Expiration = new DateOnly(2021, 4, 16),
            ShortStrike = 370m, Credit = 5.45m, Quantity = 1, OpenedAt = Close.AddDays(-3), Actor = "test",
        });

        var run = await Service(new SizingSettings { CollateralPerTradePct = 40m }).RunAsync(Close, CancellationToken.None);

        Assert.Empty(run.Proposals);
        Assert.All(run.Denials, d => Assert.Equal("TICKER_AT_POSITION_LIMIT: open=1, max=1", d.ToString()));
    }

    private PostgresProposalStore Store() => new ProposalHarness(_db, _clock, LooseRisk).Store();

    /// <summary>Risk limits loose enough for one 37,000 CSP on a 100,000 account (the default allows 20%).</summary>
    private static readonly RiskSettings LooseRisk = new() { MaxOrderNotionalPercent = 50m };

    private ProposalService Service(SizingSettings? sizing = null, int minDaysToExpiry = 30, RiskSettings? risk = null) =>
        new ProposalHarness(_db, _clock, risk ?? LooseRisk)
            .Proposals(ProposalHarness.SpyOnly("CSP", "VPC") with { MinDaysToExpiry = minDaysToExpiry }, sizing ?? new SizingSettings());
}
