using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Brokers;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto backtest --json</c>: the run's assumptions, statistics, one equity point per session, one trade per round
/// trip and every setting the run used (enough to repeat it). Written with <see cref="PerformanceJson"/>'s options
/// (snake_case, NaN and ±∞ statistics as strings); money rounded to the cent, so the same run gives the same bytes.
/// </summary>
internal sealed record BacktestJson(
    IReadOnlyList<string> Assumptions,
    BacktestJson.RunJson Run,
    BacktestJson.StatsJson Stats,
    IReadOnlyList<BacktestJson.EquityJson> Equity,
    IReadOnlyList<BacktestTrade> Trades,
    BacktestJson.SettingsJson Settings)
{
    /// <summary>
    /// <see cref="PerformanceJson"/>'s options, keeping of each settings record only what configuration can set (init
    /// properties): derived values (a TimeSpan from seconds, a scenario's shock function) are not settings.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(PerformanceJson.Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SettableOnly } },
    };

    public static BacktestJson Of(BacktestResult result, string profile, PaperBrokerSettings paper)
    {
        ArgumentNullException.ThrowIfNull(result);
        var run = result.Run;
        return new BacktestJson(
            BacktestAssumptions.Of(result, paper),
            new RunJson(profile, run.From, run.To, run.Underlying, run.StartingEquity, result.Equity.Count, result.RealChainSessions,
                result.SyntheticSessions, result.Activity.Proposals, result.Activity.Approved, result.Activity.Rejected,
                result.Activity.BreakerResets, result.Activity.SettlementErrors, result.Activity.OpenAtEnd,
                result.Activity.Controls.State.ToCode(), result.Activity.Controls.Reason, result.Activity.Controls.ChangedAt,
                new SortedDictionary<string, int>(result.Activity.Denials.ToDictionary(d => d.Key.ToCode(), d => d.Value), StringComparer.Ordinal)),
            StatsJson.Of(result),
            [.. result.Equity.Select(e => new EquityJson(e.Date, e.Equity))],
            result.Trades,
            new SettingsJson(profile, run.From, run.To, run.Underlying, run.StartingEquity, run.Settings, result.Settings,
                paper with { StartingEquity = run.StartingEquity }));
    }

    private static void SettableOnly(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || !(type.Type.Namespace ?? "").StartsWith("OptionsAutomation.", StringComparison.Ordinal)
            || type.Type.DeclaringType == typeof(BacktestJson) || type.Type == typeof(BacktestJson) || type.Type == typeof(BacktestTrade))
        {
            return;
        }

        foreach (var property in type.Properties.Where(p => p.Set is null).ToList())
        {
            type.Properties.Remove(property);
        }
    }

    public sealed record RunJson(
        string Profile, DateOnly From, DateOnly To, string Underlying, decimal StartingEquity, int Sessions, int RealChainSessions,
        int SyntheticChainSessions, int Proposals, int Approved, int Rejected, int BreakerResets, int SettlementErrors, int OpenAtEnd,
        string TradingStateAtEnd, string? TradingStateReason, DateTimeOffset? TradingStateChangedAt,
        IReadOnlyDictionary<string, int> ScreenDenials);

    public sealed record EquityJson(DateOnly Date, decimal Equity);

    public sealed record DrawdownJson(double Depth, DateOnly? Peak, DateOnly? Trough, DateOnly? Recovery, int DurationSessions);

    public sealed record StatsJson(
        decimal EndingEquity,
        double TotalReturn,
        double Cagr,
        double AnnualVolatility,
        double Sharpe,
        double Sortino,
        double Calmar,
        DrawdownJson MaxDrawdown,
        int Trades,
        decimal? WinRate,
        double ProfitFactor,
        decimal TotalPnl,
        double? AvgDaysHeld,
        IReadOnlyDictionary<string, int> TradesByExitReason,
        int Assignments,
        decimal InterestEarned)
    {
        public static StatsJson Of(BacktestResult result)
        {
            var (r, t, d) = (result.Stats.Returns, result.Stats.Trades, result.Stats.Returns.MaxDrawdown);
            return new StatsJson(
                result.Equity.Count == 0 ? result.Run.StartingEquity : result.Equity[^1].Equity,
                r.TotalReturn, r.AnnualReturn, r.AnnualVolatility, r.SharpeRatio, r.SortinoRatio, r.CalmarRatio,
                new DrawdownJson(d.Depth, d.Peak, d.Trough, d.Recovery, d.DurationPeriods),
                t.Trades, t.WinRate, t.ProfitFactor, t.TotalPnl, t.MeanHoldingDays,
                new SortedDictionary<string, int>(result.Stats.ExitsByReason.ToDictionary(e => e.Key.ToCode(), e => e.Value), StringComparer.Ordinal),
                result.Stats.Assignments,
                result.Stats.InterestEarned);
        }
    }

    public sealed record SettingsJson(
        string Profile, DateOnly From, DateOnly To, string Underlying, decimal StartingEquity, BacktestSettings Backtest, TradingSettings Trading,
        PaperBrokerSettings Paper);
}

/// <summary>What every backtest report says it assumed (printed on stderr, and in the JSON).</summary>
internal static class BacktestAssumptions
{
    public static IReadOnlyList<string> Of(BacktestResult result, PaperBrokerSettings paper)
    {
        var run = result.Run;
        var share = run.Settings.ApprovalShare;
        return
        [
            string.Create(CultureInfo.InvariantCulture,
                $"chains: real SPY end-of-day quotes on {result.RealChainSessions} session(s) (a leg the real chain does not list that day is priced by the model); synthetic (model fitted to SPY 2021, premiums about ±20%) on {result.SyntheticSessions}"),
            "timing: each session's end-of-day quotes are the market 10 minutes before the close; marks, exits, the screen, approvals and marks again run then, in that order; expirations settle 15 minutes after the close on the closing price",
            string.Create(CultureInfo.InvariantCulture,
                $"fills: the paper fill model (fee {paper.FeePerContract} per contract, price improvement {paper.PriceImprovement} per share), the worker's price walk and risk gate"),
            share >= 1m
                ? "approval: every proposal approved"
                : string.Create(CultureInfo.InvariantCulture, $"approval: a share of {share} of proposals approved, drawn by seed {run.Settings.Seed}; the rest rejected"),
            "cash: earns the 3-month T-bill rate (DTB3) from each session to the next; open premiums earn nothing; equity = cash + open positions at their last mark",
            string.Create(CultureInfo.InvariantCulture,
                $"synthetic quotes state an open interest of {BacktestMarketData.SyntheticOpenInterest} (history has none): the screen's open-interest minimum passes on synthetic days"),
            run.Settings.ResetBreakerNextSession
                ? "circuit breaker: a trip is reset by the backtest at the next session (Backtest:ResetBreakerNextSession)"
                : "circuit breaker: a trip is never reset, so it ends new trades",
            "assigned shares are sold at the next session's close, recorded as a person's close (reason manual, no commission)",
            "not modelled: early assignment, dividends",
        ];
    }
}
