using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Proposals.Sizing;
using OptionsAutomation.Core.Proposals.Sizing.Ml;
using OptionsAutomation.Infrastructure.Backtest;
using OptionsAutomation.Infrastructure.MarketData.Csv;

namespace OptionsAutomation.Cli;

/// <summary>
/// The <c>ml</c> sizing's backtest training rows: the default profile's SPY replay with <c>--Sizing:Strategy=ml</c> and
/// no model, so every proposal is sized by <c>fixed</c> (the fallback) while its features — computed at the proposal
/// from the sessions before it — are stored with it; each closed trade with its features and realised return on risk is
/// a row. Shared by <c>sizing train</c> and <c>sizing evaluate</c>.
/// </summary>
internal static class MlReplay
{
    /// <summary>Sets up the replay over [<paramref name="from"/>, <paramref name="to"/>] (null: the history's ends) on the loaded history.</summary>
    public static async Task<BacktestBatch.Setup> SetupAsync(
        IReadOnlyList<string> overrides, DateOnly? from, DateOnly? to, MarketHistory history, CsvMarketData realChains)
    {
        var profile = BacktestProfiles.Find(BacktestProfiles.Default)!;
        var request = new BacktestRequest(profile.Name, from, to, "SPY", BacktestSetup.DefaultStartingEquity, new BacktestSettings());
        var setup = await BacktestBatch.SetupAsync([.. overrides, $"--Sizing:Strategy={SizingStrategies.Ml}"], profile.Settings, request, history, realChains).ConfigureAwait(false);
        // A per-ticker choice would size SPY its own way: the replay would not record the features.
        return setup.Trading.Sizing.StrategyFor(request.Underlying) is var used && used != SizingStrategies.Ml
            ? throw new CliUsageException($"Sizing:Tickers:{request.Underlying} is '{used}': the training replay must size {request.Underlying} by ml; remove it.")
            : setup;
    }

    /// <summary>The rows of a finished replay, in the order its trades closed.</summary>
    public static IReadOnlyList<MlTrainingRow> Rows(BacktestResult result, BacktestBatch.Setup setup) =>
        [.. result.Trades.Select(t => MlTrainingRow.FromBacktest(t, result.Sizings.GetValueOrDefault(t.RequestId), setup.Trading.Exits)).OfType<MlTrainingRow>()];
}
