using Microsoft.Extensions.Logging.Abstractions;
using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Backtest;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.MarketData.Csv;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Backtest;

/// <summary>
/// The engine over March 2021 on the real SPY chain (data/market/chains/spy_2021) with the default settings, SPY only:
/// what it traded must be what the Core services decide on the same quotes, and its equity must add up to the cent.
/// </summary>
public sealed class BacktestEngineTests
{
    private static readonly string Market = Path.Combine(RepositoryRoot.Path, "data", "market");
    private static readonly MarketHistory History = MarketHistoryFiles.Load(Market);
    private static readonly NyseCalendar Calendar = new();
    private static readonly DateOnly From = new(2021, 3, 1);
    private static readonly DateOnly To = new(2021, 3, 31);

    private static readonly TradingSettings Settings = new()
    {
        Proposals = new() { Watchlist = new Dictionary<string, IReadOnlyList<string>> { ["SPY"] = ["CSP", "VPC"] } },
    };

    private static BacktestEngine Engine() =>
        new(History, MarketHistoryFiles.RealChains(Market, NullLogger<CsvMarketData>.Instance), Settings, new PaperBrokerSettings());

    private static BacktestMarketData MarketData() =>
        new(History, new SyntheticChainModel(ChainModelParameters.Spy2021, Calendar), Calendar, "SPY",
            MarketHistoryFiles.RealChains(Market, NullLogger<CsvMarketData>.Instance));

    [Fact]
    public async Task March2021_OnTheRealChain_TradesWhatTheServicesDecide_AndItsEquityAddsUp()
    {
        var result = await Engine().RunAsync(new BacktestRun(From, To, "SPY", 100_000m, new BacktestSettings()), null, CancellationToken.None);

        // One point per session, every one on the real chain.
        Assert.Equal(Calendar.Sessions(From, To).Select(s => s.Date), result.Equity.Select(e => e.Date));
        Assert.All(result.Equity, e => Assert.True(e.RealChain, $"{e.Date}"));

        // 2021-03-01: the put nearest 25 delta 30–45 days out is the 370 put of 03-31 (delta −0.224, bid 3.65 ask 3.69);
        // it opens at the mid, 3.67. On 03-10 it is 21 days from expiry (ExitRules:ExitAtDaysToExpiry) and closes; the
        // real chain does not list it that day, so it is priced by the model from that close, VIX and rate.
        var first = result.Trades[0];
        Assert.Equal(("prop-20210301-SPY-CSP", StrategyType.CashSecuredPut, 370m, new DateOnly(2021, 3, 31)), (first.RequestId, first.Strategy, first.ShortStrike!.Value, first.Expiration!.Value));
        Assert.Equal((3.67m, new DateOnly(2021, 3, 10), ExitReason.DaysToExpiry), (first.Credit, first.ExitDate, first.Reason));
        var model = new SyntheticChainModel(ChainModelParameters.Spy2021, Calendar)
            .Quote(new OptionContract("SPY", new DateOnly(2021, 3, 31), OptionRight.Put, 370m), History.DayOn(first.ExitDate)!);
        Assert.Equal(model.Mid, first.ExitPrice);
        Assert.Equal(2.19m, first.ExitPrice);
        Assert.Equal(146.70m, first.Pnl); // (3.67 − 2.19) × 100 − 2 × 0.65

        // Every proposal is the screener's own pick on the chain the engine showed it that morning.
        var market = MarketData();
        foreach (var trade in result.Trades)
        {
            var session = Calendar.SessionOn(trade.EntryDate)!;
            var chain = (await market.GetChainAsync("SPY", BacktestMarketData.QuoteTime(session).AddMinutes(2), CancellationToken.None))!;
            var (candidate, _) = Screener.Screen(chain, trade.Strategy, trade.EntryDate, Settings.Proposals);
            Assert.Equal((candidate!.Strategy.Expiration, candidate.Strategy.ShortStrike, candidate.Strategy.LongStrike), (trade.Expiration!.Value, trade.ShortStrike!.Value, trade.LongStrike));
            Assert.Equal(((trade.Credit - trade.ExitPrice) * 100m * trade.Quantity) - trade.Fees, trade.Pnl);
        }

        // Equity = cash (start, realized P&L, interest) + the open positions' unrealized P&L, every session.
        var interest = 0m;
        foreach (var point in result.Equity)
        {
            interest += point.Interest;
            Assert.Equal(100_000m + point.Realized + interest + point.Unrealized, point.Equity);
        }

        Assert.Equal(result.Trades.Sum(t => t.Pnl), result.Equity[^1].Realized);
        Assert.Equal(interest, result.Stats.InterestEarned);
        Assert.Equal(result.Trades.Count, result.Stats.Trades.Trades);
        Assert.Equal(result.Trades.Count + result.Activity.OpenAtEnd, result.Activity.Approved);
        Assert.Equal(TradingState.Active, result.Activity.Controls.State);

        // 2021-03-02 credits one day at 2021-03-01's DTB3 (0.05%, continuous 0.0500…%) on the untouched $100,000.
        Assert.Equal(CashInterest.Between(100_000m, History.RateOn(From)!.ContinuousRate, From, From.AddDays(1)), result.Equity[1].Interest);
        Assert.Equal(0.14m, result.Equity[1].Interest);
    }

    [Fact]
    public async Task AShareOfApprovals_RejectsTheProposalsTheDrawLeavesOut()
    {
        var run = new BacktestRun(From, To, "SPY", 100_000m, new BacktestSettings { ApprovalShare = 0.5m, Seed = 7 });

        var result = await Engine().RunAsync(run, null, CancellationToken.None);

        Assert.True(result.Activity.Rejected > 0 && result.Activity.Approved > 0, $"{result.Activity}");
        Assert.Equal(result.Activity.Proposals, result.Activity.Approved + result.Activity.Rejected);
        Assert.All(result.Trades, t => Assert.True(ApprovalDraw.Approves(0.5m, 7, t.RequestId), t.RequestId));
    }
}
