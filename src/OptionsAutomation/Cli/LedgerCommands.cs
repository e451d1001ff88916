using System.CommandLine;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Infrastructure.Fills;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto ledger replay</c>: replays a CSV of fills into one ledger per instrument and prints each one's quantity,
/// average price and realized P&amp;L with the fills that realized it. It reads settings only and never touches the database.
/// </summary>
internal static class LedgerCommands
{
    public static Command Create(IReadOnlyList<string> overrides) =>
        new("ledger", "Fill ledgers: positions and realized P&L built from fills") { Replay(overrides) };

    private static Command Replay(IReadOnlyList<string> overrides)
    {
        var fills = new Option<string>("--fills") { Description = "CSV of fills with the header time,symbol,side,quantity,price,fee", Required = true };
        var method = new Option<string?>("--method") { Description = "Realized P&L method, fifo or average (default: Positions:RealizedPnlMethod)" };
        method.AcceptOnlyFromAmong([.. DomainCodes.Codes<RealizedPnlMethod>()]);
        var json = CliOptions.Json();
        var command = new Command("replay", "Replay fills: per symbol the quantity, average price, realized P&L and the fills that realized it")
        {
            fills, method, json,
        };

        CliAction.Set(command, overrides, (services, parse, _) =>
        {
            var chosen = parse.GetValue(method) is { } code ? DomainCodes.Parse<RealizedPnlMethod>(code) : services.Get<PositionSettings>().Method;
            var book = ReplayFile(parse.GetRequiredValue(fills), services.Get<ExitRuleSettings>().ContractMultiplier, chosen);
            if (parse.GetValue(json))
            {
                CliOutput.Json(ReplayJson.From(book));
            }
            else
            {
                CliOutput.LedgerTables(book);
            }

            return Task.FromResult(CliAction.Ok);
        });
        return command;
    }

    /// <summary>Applies the rows in file order; a fill its ledger refuses (one older than the last) is reported at its line.</summary>
    private static LedgerBook ReplayFile(string path, int contractMultiplier, RealizedPnlMethod method)
    {
        var book = LedgerBook.Empty(method);
        foreach (var row in FillsCsvReader.Read(path, contractMultiplier))
        {
            try
            {
                book = book.Apply(row.Fill);
            }
            catch (PositionRuleException e)
            {
                throw new FillsFileException(path, row.Line, e.Message);
            }
        }

        return book;
    }

    /// <summary>The <c>--json</c> shape: <c>realized_pnl</c> is gross, amounts in the fills' currency units, times in UTC.</summary>
    private sealed record ReplayJson(IReadOnlyList<SymbolJson> Symbols)
    {
        public static ReplayJson From(LedgerBook book) => new([.. book.Instruments.Select(SymbolJson.From)]);
    }

    private sealed record SymbolJson(
        string Symbol,
        int Quantity,
        decimal? AveragePrice,
        decimal RealizedPnl,
        decimal Fees,
        decimal NetRealizedPnl,
        IReadOnlyList<RealizingFillJson> RealizingFills)
    {
        public static SymbolJson From(BookedInstrument booked)
        {
            var l = booked.Ledger;
            return new SymbolJson(l.Symbol, l.Quantity, l.AveragePrice, l.RealizedPnl, l.Fees, l.NetRealizedPnl,
                [.. booked.RealizingFills.Select(r => new RealizingFillJson(r.Time.UtcDateTime, r.Side, r.Quantity, r.Price, r.RealizedPnl))]);
        }
    }

    /// <summary>A <see cref="DateTime"/> in UTC serializes with a trailing Z.</summary>
    private sealed record RealizingFillJson(DateTime Time, FillSide Side, int Quantity, decimal Price, decimal RealizedPnl);
}
