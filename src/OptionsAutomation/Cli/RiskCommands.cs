using System.CommandLine;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Trading;
using Spectre.Console;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto risk report|stress [--at INSTANT] [--json]</c>: the portfolio's risk figures and stress P&amp;L from the
/// open positions and the market data, as of now or of a past instant (replays).
/// </summary>
internal static class RiskCommands
{
    public static Command Report(IReadOnlyList<string> overrides)
    {
        var (at, json) = (At(), CliOptions.Json());
        var command = new Command("report", "Portfolio risk: exposure, dollar Greeks, VaR/CVaR (historical, parametric, Monte Carlo), correlations, limits") { at, json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var asOf = parse.GetValue(at) ?? services.Get<TimeProvider>().GetUtcNow();
            var report = await services.Get<PortfolioRiskService>().ReportAsync(asOf, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliOutput.Json(report);
            }
            else
            {
                PrintReport(report);
            }

            return CliAction.Ok;
        });
        return command;
    }

    public static Command Stress(IReadOnlyList<string> overrides)
    {
        var (at, json) = (At(), CliOptions.Json());
        var command = new Command("stress", "P&L of each stress scenario (Risk:StressScenarios) by full revaluation") { at, json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var asOf = parse.GetValue(at) ?? services.Get<TimeProvider>().GetUtcNow();
            var (inputs, results) = await services.Get<PortfolioRiskService>().StressAsync(asOf, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliOutput.Json(StressJson.Of(asOf, inputs, results));
                return CliAction.Ok;
            }

            var table = new Table().AddColumns("Scenario", "Spot %", "Vol %", "Days", "P&L", "% of equity");
            foreach (var r in results)
            {
                table.AddRow(r.Name, CliOutput.Format(r.UnderlyingMovePercent), CliOutput.Format(r.VolatilityChangePercent), CliOutput.Format(r.DaysForward),
                    CliOutput.Format(r.Pnl), CliOutput.Format(r.PnlPercentOfEquity));
            }

            FittedTable.Write(table);
            AnsiConsole.WriteLine($"{inputs.Positions.Count} position(s), equity {CliOutput.Format(inputs.Equity)}, as of {CliOutput.Format(asOf)}");
            Problems(inputs.Problems);
            return CliAction.Ok;
        });
        return command;
    }

    private static Option<DateTimeOffset?> At() => CliOptions.Instant("--at", "Value as of this instant instead of now");

    private static void PrintReport(PortfolioRiskReport r)
    {
        var positions = new Table().AddColumns("ID", "Ticker", "Strategy", "Qty", "Mark", "Value", "Unrealized", "Return %", "Age", "Delta $", "Gamma $/1%", "Theta $/day", "Vega $/pt", "Max loss", "Comp. VaR");
        foreach (var p in r.Positions)
        {
            positions.AddRow(
                CliOutput.Format(p.PositionId), p.Ticker, p.StrategyType.ToCode(), CliOutput.Format(p.Quantity), CliOutput.Format(p.Mark),
                CliOutput.Format(p.MarketValue), CliOutput.Format(p.UnrealizedPnl), CliOutput.Format(p.ReturnPercent), CliOutput.Format(p.AgeDays),
                CliOutput.Format(p.DeltaDollars), CliOutput.Format(p.GammaDollars), CliOutput.Format(p.ThetaDollars), CliOutput.Format(p.VegaDollars),
                CliOutput.Format(p.MaxLoss), CliOutput.Format(p.ComponentVar));
        }

        FittedTable.Write(positions);
        var v = r.Var;
        var summary = new Grid().AddColumn().AddColumn();
        void Row(string name, object? value) => summary.AddRow(new Text(name, new Style(decoration: Decoration.Bold)), new Text(CliOutput.Format(value)));
        Row("as_of", r.AsOf);
        Row("equity", r.Equity);
        Row("exposure (collateral / max loss / total)", $"{CliOutput.Format(r.Exposure.Collateral)} / {CliOutput.Format(r.Exposure.MaxLoss)} / {CliOutput.Format(r.Exposure.Total)}");
        Row("delta $ / beta-weighted", $"{CliOutput.Format(r.Exposure.DeltaDollars)} / {CliOutput.Format(r.Exposure.BetaWeightedDeltaDollars)}");
        Row("net gamma $/1% / theta $/day / vega $/pt", $"{CliOutput.Format(r.Greeks.GammaDollars)} / {CliOutput.Format(r.Greeks.ThetaDollars)} / {CliOutput.Format(r.Greeks.VegaDollars)}");
        Row($"VaR / CVaR {v.Confidence:P0} 1d historical ({v.HistoryDays} days)", Pair(v.Historical));
        Row("VaR / CVaR parametric", Pair(v.Parametric));
        Row("VaR / CVaR Monte Carlo", Pair(v.MonteCarlo));
        Row("portfolio beta", r.PortfolioBeta);
        Row("daily P&L volatility", r.PnlVolatility);
        Row("largest underlying / Herfindahl", $"{r.Concentration.LargestUnderlying ?? "-"} {CliOutput.Format(r.Concentration.LargestShare)} / {CliOutput.Format(r.Concentration.Herfindahl)}");
        Row("drawdown current / max", $"{CliOutput.Format(r.Drawdown.Current)} / {CliOutput.Format(r.Drawdown.Maximum)}");
        AnsiConsole.Write(summary);

        var limits = new Table().AddColumns("Limit", "Value", "Limit", "Unit", "Used", "State", "Detail");
        foreach (var l in r.Limits)
        {
            limits.AddRow(l.Name, CliOutput.Format(l.Value), CliOutput.Format(l.Limit), l.Unit, CliOutput.Format(l.Utilization), l.State.ToCode(), l.Detail ?? "");
        }

        FittedTable.Write(limits);
        Problems(r.Problems);
    }

    private static string Pair(VarEstimate? estimate) =>
        estimate is null ? "-" : $"{CliOutput.Format(estimate.Var)} / {CliOutput.Format(estimate.Cvar)}";

    private static void Problems(IReadOnlyList<string> problems)
    {
        foreach (var problem in problems)
        {
            CliOutput.Warn(problem);
        }
    }
}
