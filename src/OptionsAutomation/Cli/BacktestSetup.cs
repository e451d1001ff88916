using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Backtest;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.MarketData.Csv;

namespace OptionsAutomation.Cli;

/// <summary>
/// What a backtest is asked for, by <c>optauto backtest</c>'s options or the API's body (null dates: the history's ends).
/// <paramref name="Settings"/> and the trading settings given with it already include the profile's layer (<see cref="BacktestProfiles"/>).
/// </summary>
internal sealed record BacktestRequest(string Profile, DateOnly? From, DateOnly? To, string Underlying, decimal StartingEquity, BacktestSettings Settings);

/// <summary>A backtest request the CLI or the API cannot run; the message names the option, as the CLI prints it.</summary>
internal sealed class BacktestInputException(string message) : Exception(message);

/// <summary>
/// A request checked and turned into an engine and a run: the one place the CLI (<see cref="BacktestCommand"/>) and the
/// API (<c>POST /api/backtest</c>) validate a backtest, so both refuse the same input with the same words.
/// </summary>
internal sealed record BacktestSetup(BacktestEngine Engine, BacktestRun Run, MarketHistory History, string Profile)
{
    /// <summary>Starting cash when a run names none.</summary>
    public const decimal DefaultStartingEquity = 100_000m;

    /// <summary>Loads the shipped market history and real chains, then checks the request against them.</summary>
    public static BacktestSetup Prepare(BacktestRequest request, TradingSettings trading, PaperBrokerSettings paper, ILogger<CsvMarketData> logger)
    {
        var directory = MarketHistoryFiles.DefaultDirectory;
        return Prepare(request, trading, paper, MarketHistoryFiles.Load(directory), MarketHistoryFiles.RealChains(directory, logger));
    }

    /// <summary>Checks the request against history already loaded (a sweep shares one load among its runs).</summary>
    public static BacktestSetup Prepare(BacktestRequest request, TradingSettings trading, PaperBrokerSettings paper, MarketHistory history, CsvMarketData realChains)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(history);
        var profile = BacktestProfiles.Find(request.Profile)
            ?? throw new BacktestInputException($"--profile {request.Profile}: unknown profile; the profiles are {BacktestProfiles.Names}.");

        var symbol = request.Underlying.ToUpperInvariant();
        if (symbol != "SPY")
        {
            throw new BacktestInputException($"--underlying {symbol}: the market history holds SPY only.");
        }

        if (request.StartingEquity <= 0m)
        {
            throw new BacktestInputException("--starting-equity must be above 0.");
        }

        if (request.Settings.Validate() is [var invalid, ..])
        {
            throw new BacktestInputException(invalid);
        }

        if (profile.Refusal(trading, request.Settings) is { } refusal)
        {
            throw new BacktestInputException(refusal);
        }

        var (first, last) = (history.Bars[0].Date, history.Bars[^1].Date);
        var (start, end) = (request.From ?? first, request.To ?? last);
        if (start > end)
        {
            throw new BacktestInputException($"--from {start:yyyy-MM-dd} is after --to {end:yyyy-MM-dd}.");
        }

        if (start < first || end > last)
        {
            throw new BacktestInputException($"the market history covers {first:yyyy-MM-dd} to {last:yyyy-MM-dd}; --from and --to must lie inside it.");
        }

        var engine = new BacktestEngine(history, realChains, trading, paper);
        var run = new BacktestRun(start, end, symbol, request.StartingEquity, request.Settings);
        if (engine.Sessions(run).Count == 0)
        {
            throw new BacktestInputException($"there is no NYSE session from {start:yyyy-MM-dd} to {end:yyyy-MM-dd}.");
        }

        return engine.Uncovered(run) is [var missing, ..]
            ? throw new BacktestInputException($"the market history has no close, VIX or rate for {missing:yyyy-MM-dd}.")
            : new BacktestSetup(engine, run, history, request.Profile);
    }
}
