using OptionsAutomation.Core;
using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Infrastructure.Brokers;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto sizing evaluate --json</c>: one row per sizing strategy in <c>SizingStrategies.Built</c>'s order, the
/// assumptions of all runs once. Nothing in it depends on which run finished first, so the same inputs give the same bytes.
/// </summary>
internal sealed record SizingEvaluationJson(
    string Profile,
    string Underlying,
    DateOnly From,
    DateOnly To,
    decimal StartingEquity,
    IReadOnlyList<string> Assumptions,
    IReadOnlyList<SizingEvaluationJson.StrategyJson> Strategies)
{
    public sealed record StrategyJson(
        string Strategy, double Cagr, double MaxDrawdown, double Sharpe, MonthlyReturn? WorstMonth, decimal? AverageContracts, int Trades,
        string TradingStateAtEnd);

    public static SizingEvaluationJson Of(string profile, IReadOnlyList<(string Strategy, BacktestResult Result, PaperBrokerSettings Paper)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var run = runs[0].Result.Run;
        return new SizingEvaluationJson(
            profile,
            run.Underlying,
            run.From,
            run.To,
            run.StartingEquity,
            [.. runs.SelectMany(r => BacktestAssumptions.Of(r.Result, r.Paper)).Distinct(StringComparer.Ordinal)],
            [.. runs.Select(r =>
            {
                var score = BacktestScore.Of(r.Result);
                return new StrategyJson(r.Strategy, score.Cagr, score.MaxDrawdown, score.Sharpe, score.WorstMonth, score.AverageContracts, score.Trades,
                    r.Result.Activity.Controls.State.ToCode());
            })]);
    }
}
