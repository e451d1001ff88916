using System.Globalization;
using System.Text.RegularExpressions;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Infrastructure.Csv;
using OptionsAutomation.Infrastructure.MarketData.Csv;

namespace OptionsAutomation.Infrastructure.Fills;

/// <summary>
/// Reads a CSV of fills with the header <c>time,symbol,side,quantity,price,fee</c> (columns found by name). The time is
/// an ISO 8601 instant with Z or an offset; the side <c>buy</c> or <c>sell</c>; the quantity a whole number of shares
/// or contracts; the price per share; the fee in currency for the whole fill (blank means none). An OCC option symbol
/// (root padded to six or not, yyMMdd, C or P, strike × 1000 in 8 digits) trades at the contract multiplier and is
/// kept in its padded form, so both spellings are one instrument; a stock ticker trades at 1. The first bad row stops
/// the read with <see cref="FillsFileException"/>. Fields may be quoted (see <see cref="HeadedCsvFile"/>).
/// </summary>
public static partial class FillsCsvReader
{
    public static readonly IReadOnlyList<string> Columns = ["time", "symbol", "side", "quantity", "price", "fee"];

    /// <exception cref="FillsFileException">for a missing file, a header without the columns or the first bad row.</exception>
    public static IReadOnlyList<FillRow> Read(string path, int contractMultiplier)
    {
        try
        {
            using var file = HeadedCsvFile.Open(path);
            var missing = file.Missing(Columns);
            if (missing.Count > 0)
            {
                throw new CsvFileException(1, $"the header lacks {string.Join(", ", missing)}; expected {string.Join(',', Columns)}.");
            }

            var rows = new List<FillRow>();
            while (file.Read())
            {
                try
                {
                    rows.Add(new FillRow(Parse(file, contractMultiplier), file.Line));
                }
                catch (Exception e) when (e is CsvRowException or PositionRuleException)
                {
                    throw new CsvFileException(file.Line, e.Message);
                }
            }

            return rows;
        }
        catch (CsvFileException e)
        {
            throw new FillsFileException(path, e.Line, e.Reason);
        }
    }

    private static Fill Parse(HeadedCsvFile row, int contractMultiplier)
    {
        var time = Instant(row["time"]);
        var (symbol, multiplier) = Instrument(row["symbol"].ToUpperInvariant(), contractMultiplier);
        var sideText = row["side"];
        var side = DomainCodes.TryParse<FillSide>(sideText, out var s) ? s : throw new CsvRowException($"side '{sideText}' is neither buy nor sell.");
        var quantityText = row["quantity"];
        var quantity = int.TryParse(quantityText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var q)
            ? q
            : throw new CsvRowException($"quantity '{quantityText}' is not a whole number of shares or contracts.");
        var price = Amount("price", row["price"]) ?? throw new CsvRowException("price is blank.");
        var fee = Amount("fee", row["fee"]) ?? 0m;
        return new Fill(time, symbol, side, quantity, price, fee, multiplier);
    }

    private static (string Symbol, int Multiplier) Instrument(string text, int contractMultiplier) =>
        OptionContract.TryParseOcc(text, out var contract) ? (contract.OccSymbol, contractMultiplier)
        : Ticker.IsValid(text) ? (text, 1)
        : throw new CsvRowException(
            $"symbol '{text}' is neither a stock ticker (e.g. SPY, BRK.B) nor an OCC option symbol " +
            "(root, yyMMdd, C or P, strike × 1000 in 8 digits, e.g. SPY   260320P00580000).");

    private static DateTimeOffset Instant(string text)
    {
        // Without Z or an offset the instant would depend on the zone of the machine replaying the file.
        if (ZonePattern().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant;
        }

        throw new CsvRowException($"time '{text}' is not an ISO 8601 instant with Z or an offset (e.g. 2026-02-20T14:17:00Z).");
    }

    /// <summary>Null when blank; negative values parse so the fill can say what is wrong with them.</summary>
    private static decimal? Amount(string name, string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CsvRowException($"{name} '{text}' is not a number.");
    }

    [GeneratedRegex(@"(?:[Zz]|[+-][0-9]{2}:?[0-9]{2})$")]
    private static partial Regex ZonePattern();
}
