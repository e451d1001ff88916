using System.Globalization;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Proposals.Sizing;
using OptionsAutomation.Infrastructure.Csv;

namespace OptionsAutomation.Infrastructure.Backtest;

/// <summary>
/// Reads <c>Sizing:KellyBacktestRecord</c>: a trades file <c>optauto backtest --trades</c> wrote. What each trade committed
/// is recomputed from its strikes and credit as the book computes it for a position (<c>PositionTerms</c>): a CSP its
/// collateral, short strike × multiplier × quantity; a VPC its max loss, (short − long − credit) × multiplier × quantity.
/// Assigned-share rows (no strikes) are not option trades and are skipped. The first bad row refuses the whole file:
/// a record read in part would size on a record nobody chose.
/// </summary>
public static class KellyBacktestRecordCsv
{
    private static readonly string[] Columns = ["strategy", "exit_date", "short_strike", "long_strike", "quantity", "credit", "pnl"];

    /// <exception cref="MarketHistoryFileException">naming the file and the line.</exception>
    public static KellyBacktestRecord Read(string path, int multiplier)
    {
        try
        {
            using var file = HeadedCsvFile.Open(path);
            if (file.Missing(Columns) is [_, ..] missing)
            {
                throw new CsvFileException(1, $"the header lacks {string.Join(", ", missing)}; expected a trades file written by optauto backtest --trades.");
            }

            var trades = new List<KellyBacktestRecord.Trade>();
            while (file.Read())
            {
                if (file["short_strike"].Length == 0)
                {
                    continue;
                }

                if (!DomainCodes.TryParse(file["strategy"], out StrategyType strategy) || strategy == StrategyType.Stock)
                {
                    throw new CsvFileException(file.Line, $"strategy '{file["strategy"]}' is not CSP or VPC.");
                }

                var (shortStrike, quantity, credit) = (Number(file, "short_strike"), Number(file, "quantity"), Number(file, "credit"));
                var perShare = strategy == StrategyType.CashSecuredPut ? shortStrike : shortStrike - Number(file, "long_strike") - credit;
                trades.Add(new KellyBacktestRecord.Trade(strategy, Date(file, "exit_date"), Number(file, "pnl"), perShare * multiplier * quantity));
            }

            var source = string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(path)} ({trades.Count} option trade(s){(trades.Count == 0 ? "" : $", closed {trades.Min(t => t.ExitDate):yyyy-MM-dd} to {trades.Max(t => t.ExitDate):yyyy-MM-dd}")})");
            return new KellyBacktestRecord(source, new ValueList<KellyBacktestRecord.Trade>(trades));
        }
        catch (CsvFileException e)
        {
            throw new MarketHistoryFileException(path, e.Line, e.Reason);
        }
    }

    private static decimal Number(HeadedCsvFile file, string column) =>
        decimal.TryParse(file[column], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CsvFileException(file.Line, $"{column} '{file[column]}' is not a number.");

    private static DateOnly Date(HeadedCsvFile file, string column) =>
        DateOnly.TryParseExact(file[column], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw new CsvFileException(file.Line, $"{column} '{file[column]}' is not a date (YYYY-MM-DD).");
}
