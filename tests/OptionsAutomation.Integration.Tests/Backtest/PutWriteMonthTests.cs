using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using OptionsAutomation.Cli;
using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Infrastructure.Backtest;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.MarketData.Csv;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Backtest;

/// <summary>
/// One month of <c>--profile putwrite</c> worked by hand, to the cent: the settings are the profile's as the CLI binds
/// them (appsettings, then the profile's layer), the run is the ordinary engine. The month is 2018-11-16 (a monthly
/// expiration day) to the next, 2018-12-21: SPY fell from 273.73 to 240.70, so the put settles in the money — the roll,
/// the strike, the premium, the fees, the settlement, the T-bill interest and the equity all show.
/// </summary>
public sealed class PutWriteMonthTests
{
    private static readonly string Market = Path.Combine(RepositoryRoot.Path, "data", "market");
    private static readonly MarketHistory History = MarketHistoryFiles.Load(Market);
    private static readonly NyseCalendar Calendar = new();
    private static readonly DateOnly Roll = new(2018, 11, 16);
    private static readonly DateOnly NextRoll = new(2018, 12, 21);

    [Fact]
    public async Task November2018_SoldAtTheMoney_SettledInTheMoney_AddsUpToTheCent()
    {
        var result = await RunAsync(Roll, NextRoll);

        // The roll: the screen proposes on the two monthly expiration days only, and every proposal is approved; the other
        // 22 sessions are no entry day.
        var sessions = Calendar.Sessions(Roll, NextRoll);
        Assert.Equal(24, sessions.Count);
        Assert.Equal((2, 2), (result.Activity.Proposals, result.Activity.Approved));
        Assert.Equal(22, result.Activity.Denials[Core.Proposals.ScreenDenialCode.NotAnEntryDay]);

        // 2018-11-16 close 273.73: the highest listed strike at or below it is 273 ($1 strikes); the one-month put is the
        // next monthly, 2018-12-21 (35 days; the 11-23 … 12-14 Weeklys are passed over).
        var put = Assert.Single(result.Trades, t => t.Strategy == StrategyType.CashSecuredPut);
        Assert.Equal((Roll, 273m, NextRoll), (put.EntryDate, put.ShortStrike!.Value, put.Expiration!.Value));

        // The premium: the synthetic chain (no real chain in 2018) quotes the 273 put bid 4.40, ask 4.44; the price walk
        // starts at the mid and the paper fill model fills a sell limit at or below the mid at its limit: 4.42.
        var quote = new SyntheticChainModel(ChainModelParameters.Spy2021, Calendar)
            .Quote(new OptionContract("SPY", NextRoll, OptionRight.Put, 273m), History.DayOn(Roll)!);
        Assert.Equal((4.40m, 4.44m), (quote.Bid!.Value, quote.Ask!.Value));
        Assert.Equal(4.42m, put.Credit); // (4.40 + 4.44) / 2

        // Size: every dollar of equity is collateral at the strike, in whole contracts: ⌊100,000 / (273 × 100)⌋ = 3
        // (81,900; 4 would need 109,200). The 18,100 left over stays in T-bills. Fees: 3 × 0.65 = 1.95.
        Assert.Equal((3, 1.95m), (put.Quantity, put.Fees));

        // Day one's equity: cash 100,000, the put marked at its fill (4.42), less the fee not yet realized.
        Assert.Equal((Roll, 99_998.05m, 0m, -1.95m), (result.Equity[0].Date, result.Equity[0].Equity, result.Equity[0].Realized, result.Equity[0].Unrealized));

        // Settlement, 2018-12-21 after the close (240.70): intrinsic 273 − 240.70 = 32.30, the put assigned (no exit rule
        // ever fired: held to expiration). P&L (4.42 − 32.30) × 3 × 100 − 1.95 = −8,364 − 1.95 = −8,365.95.
        Assert.Equal((NextRoll, 32.30m, ExitReason.Assigned, -8_365.95m), (put.ExitDate, put.ExitPrice, put.Reason, put.Pnl));

        // T-bill interest: cash at each close earns that session's DTB3, d → r = −ln(1 − d·91/360)·365/91, for the
        // calendar days to the next session, credited there to the cent. First credit, 11-16 → 11-19 (3 days, d 2.31%):
        // r = 0.0234895, 100,000 × (e^(0.0234895·3/365) − 1) = 19.308 → 19.31. Cash holds all month (nothing is realized
        // before 12-21), so every credit is on 100,000 plus the interest before it.
        Assert.Equal(19.31m, result.Equity[1].Interest);
        var cash = 100_000m;
        for (var i = 1; i < result.Equity.Count; i++)
        {
            var (from, to) = (result.Equity[i - 1].Date, result.Equity[i].Date);
            var d = (double)History.RateOn(from)!.DiscountPercent / 100.0;
            var r = -Math.Log(1.0 - (d * 91.0 / 360.0)) * 365.0 / 91.0;
            var credit = decimal.Round(cash * (decimal)(Math.Exp(r * (to.DayNumber - from.DayNumber) / 365.0) - 1.0), 2, MidpointRounding.AwayFromZero);
            Assert.Equal(credit, result.Equity[i].Interest);
            cash += credit;
        }

        // 19.31 + 6.52 + 6.52 + 13.16 (Thanksgiving) + 19.74 + … + 13.28 (12-05, closed for President Bush's funeral) + … = 229.52.
        Assert.Equal(229.52m, result.Equity.Sum(e => e.Interest));
        Assert.Equal(229.52m, result.Stats.InterestEarned);

        // The month's equity at 12-21: cash 100,000 − 8,365.95 + 229.52 = 91,863.57, plus the open positions at their
        // marks: the new put (below) at its fill less its 1.95 fee; the 300 assigned shares are booked at the close and
        // not yet marked. 91,863.57 − 1.95 = 91,861.62.
        var last = result.Equity[^1];
        Assert.Equal((NextRoll, -8_365.95m, -1.95m, 91_861.62m), (last.Date, last.Realized, last.Unrealized, last.Equity));

        // The roll on 12-21: the expiring put no longer holds its slot or collateral, but its loss at the 12-21 mark (the
        // expiring put quoted at intrinsic) counts: sizing equity 100,000 − 8,365.95 = 91,634.05 → ⌊91,634.05 / 24,000⌋
        // = 3 of the 240 put (the highest strike at or below 240.70; 4 on the unreduced 100,000). Its fee: 3 × 0.65.
        Assert.Equal(2, result.Activity.OpenAtEnd); // that put and the assigned shares
        Assert.Equal(-3 * 0.65m, last.Unrealized);
    }

    /// <summary>The run as <c>optauto backtest --profile putwrite</c> would make it, in process (its log in a temporary folder).</summary>
    private static async Task<BacktestResult> RunAsync(DateOnly from, DateOnly to)
    {
        var logs = Path.Combine(Path.GetTempPath(), "optauto-putwrite-test", "optauto-.json");
        await using var services = CliServices.Create([$"--Serilog:WriteTo:File:Args:path={logs}"], BacktestProfiles.Find(BacktestProfiles.PutWrite)!.Settings);
        var settings = OptionsAutomation.Hosting.ServiceRegistration.ReadTrading(services.Get<IConfiguration>());
        var backtest = BacktestCommand.BacktestSettingsOf(services.Get<IConfiguration>());
        Assert.Null(BacktestProfiles.Find(BacktestProfiles.PutWrite)!.Refusal(settings, backtest));
        var engine = new BacktestEngine(History, MarketHistoryFiles.RealChains(Market, NullLogger<CsvMarketData>.Instance), settings, services.Get<PaperBrokerSettings>());
        return await engine.RunAsync(new BacktestRun(from, to, "SPY", 100_000m, backtest), null, CancellationToken.None);
    }
}
