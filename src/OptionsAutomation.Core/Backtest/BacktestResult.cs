using OptionsAutomation.Core.Proposals.Sizing;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Core.Backtest;

/// <summary>
/// What a backtest produced: one equity point per session, one trade per round trip, the statistics, and what it ran on
/// (sessions on the real chain vs the synthetic one) so every report can say so.
/// </summary>
public sealed record BacktestResult(
    BacktestRun Run,
    TradingSettings Settings,
    IReadOnlyList<SessionEquity> Equity,
    IReadOnlyList<BacktestTrade> Trades,
    BacktestStats Stats,
    BacktestActivity Activity)
{
    /// <summary>How each closed trade's proposal was sized, by request id (the <c>ml</c> sizing's training rows read its features).</summary>
    public IReadOnlyDictionary<string, PositionSizingResult> Sizings { get; init; } = new Dictionary<string, PositionSizingResult>();

    public int RealChainSessions => Equity.Count(e => e.RealChain);

    public int SyntheticSessions => Equity.Count - RealChainSessions;
}
