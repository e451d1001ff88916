using System.Text.Json;
using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Infrastructure.Brokers;

namespace OptionsAutomation.Cli;

/// <summary>
/// What the HTML report (<c>--report</c>) embeds and <c>POST /api/backtest</c> answers, drawn by the same script
/// (wwwroot/js/backtest-view.js): the run as <c>--json</c> prints it, and the series its charts plot.
/// Serialized with <see cref="Options"/>.
/// </summary>
internal sealed record BacktestPage(BacktestJson Backtest, BacktestCharts Charts)
{
    /// <summary><see cref="BacktestJson.Options"/> without indentation: a whole history's page is read by a script, not a person.</summary>
    public static JsonSerializerOptions Options { get; } = new(BacktestJson.Options) { WriteIndented = false };

    public static BacktestPage Of(BacktestResult result, BacktestSetup setup, PaperBrokerSettings paper)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new BacktestPage(BacktestJson.Of(result, setup.Profile, paper), BacktestCharts.Of(result, setup.History.Bars));
    }
}
