using Microsoft.Extensions.Logging.Abstractions;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Pricing;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.Risk;
using OptionsAutomation.Integration.Tests.Support;
using OptionsAutomation.Worker.Jobs;

namespace OptionsAutomation.Integration.Tests.Risk;

/// <summary>
/// The risk job wired to a test database, a manual clock and scripted quotes: an SPY put quoted at its credit (so
/// equity stays 100,000.00) and <see cref="HistorySessions"/> daily SPY closes for the return history.
/// </summary>
internal sealed class RiskMonitorHarness(TestDatabase db, RealTimersClock clock)
{
    public const int HistorySessions = 35;
    private static readonly NyseCalendar Calendar = new();

    public ScriptedMarketData Quotes { get; } = new();

    public RiskSettings Gate { get; } = new();

    public TradingControlsService Controls() => db.Controls(Gate);

    public RiskCheckJob Job(PortfolioRiskSettings settings) => new(Monitor(settings), Calendar, clock, NullLogger<RiskCheckJob>.Instance);

    /// <summary>The monitor on the test database; <paramref name="store"/> and <paramref name="quotes"/> replace the Postgres store and <see cref="Quotes"/>.</summary>
    public RiskMonitor Monitor(PortfolioRiskSettings settings, IPositionStore? store = null, IMarketData? quotes = null) =>
        new(Service(settings, store, quotes), new PostgresRiskMonitorStore(db.DataSource), Controls(), settings);

    public PortfolioRiskService Service(PortfolioRiskSettings settings, IPositionStore? store = null, IMarketData? quotes = null)
    {
        var pricing = new PricingSettings();
        return new PortfolioRiskService(store ?? db.Store(clock), quotes ?? Quotes, new PaperAccount(db.DataSource, new PaperBrokerSettings()), Calendar,
            pricing, settings, new PortfolioRiskAnalyzer(settings, Gate, pricing), new PostgresRiskHistory(db.DataSource));
    }

    /// <summary>A QQQ 480 put sold for 2.00 yesterday and closed by hand now, at a realized P&amp;L of <paramref name="pnl"/> (no fees).</summary>
    public async Task<Position> CloseQqqPutAsync(string requestId, decimal pnl)
    {
        var now = clock.GetUtcNow();
        var opened = await SellPutAsync(requestId, "QQQ", 480m, MarketTime.DateOf(now).AddDays(30), now.AddDays(-1));
        var exit = new PositionExit(2.00m - (pnl / 100m), ExitReason.Manual, now, ExecutedBy.Manual, "test", 0m);
        return (await db.Positions(clock).CloseAsync(opened.PositionId, exit)).Position;
    }

    /// <summary>
    /// An SPY 560 put sold for 2.00 a week ago (collateral 56,000.00), quoted 1.95/2.05 with SPY at 580 one minute ago;
    /// <paramref name="close"/> gives SPY's close <c>i</c> sessions back (default: within 1% of 580, calm).
    /// </summary>
    public async Task<Position> OpenSpyPutAsync(Func<int, decimal>? close = null)
    {
        var now = clock.GetUtcNow();
        var opened = await SellPutAsync("risk-spy-560", "SPY", 560m, MarketTime.DateOf(now).AddDays(37), now.AddDays(-7));
        Quotes.Quote(opened.Legs[0].Contract, 1.95m, 2.05m, now.AddMinutes(-1), 580m, 0.20);
        Quotes.Underlying("SPY", 580m, now.AddMinutes(-1));
        var date = MarketTime.DateOf(now);
        for (var i = 0; i < HistorySessions; i++)
        {
            date = Calendar.PreviousSession(date).Date;
            Quotes.Underlying("SPY", close?.Invoke(i) ?? 580m * (1m + (0.01m * (decimal)Math.Sin(i))), MarketTime.At(date, new TimeOnly(16, 0)));
        }

        return opened;
    }

    /// <summary>One put sold for 2.00 at <paramref name="openedAt"/>, recorded as <c>positions add</c> does.</summary>
    private async Task<Position> SellPutAsync(string requestId, string ticker, decimal strike, DateOnly expiration, DateTimeOffset openedAt) =>
        (await db.Positions(clock).OpenAsync(new OpenPositionRequest
        {
            RequestId = requestId,
            Strategy = StrategyType.CashSecuredPut,
            Ticker = ticker,
            Expiration = expiration,
            ShortStrike = strike,
            Credit = 2.00m,
            Quantity = 1,
            OpenedAt = openedAt,
            Actor = "test",
        })).Position;
}
