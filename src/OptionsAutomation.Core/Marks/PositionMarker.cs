using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Marks;

/// <summary>
/// Turns leg quotes into a position mark and judges whether it can be trusted. Fail closed: anything
/// doubtful makes the mark STALE or UNUSABLE, and price rules never act on those.
/// </summary>
public static class PositionMarker
{
    /// <param name="legQuotes">One quote (or null) per leg of <paramref name="position"/>, in leg order.</param>
    public static PositionMark Mark(Position position, IReadOnlyList<OptionQuote?> legQuotes, DateTimeOffset now, ExitRuleSettings rules)
    {
        if (legQuotes.Count != position.Legs.Count)
        {
            throw new ArgumentException($"expected {position.Legs.Count} leg quotes, got {legQuotes.Count}.", nameof(legQuotes));
        }

        var problems = new List<string>();
        decimal? price = 0m;
        DateTimeOffset? oldest = null;
        for (var i = 0; i < legQuotes.Count; i++)
        {
            var leg = position.Legs[i];
            var quote = legQuotes[i];
            var symbol = leg.Contract.OccSymbol;
            if (quote is null)
            {
                problems.Add($"no quote for {symbol}");
                price = null;
                continue;
            }

            oldest = oldest is null || quote.Timestamp < oldest ? quote.Timestamp : oldest;
            problems.AddRange(QuoteProblems(symbol, quote, rules.MaxSpreadPct));
            if (quote.Mid is { } mid && price is { } sum)
            {
                // Closing buys back the short legs (a debit) and sells the long ones (a credit).
                price = sum + ((leg.Side == LegSide.Short ? mid : -mid) * leg.Ratio);
            }
            else
            {
                price = null;
            }
        }

        if (problems.Count > 0)
        {
            return new PositionMark(price, oldest, MarkQuality.Unusable, string.Join("; ", problems), legQuotes);
        }

        var age = now - oldest!.Value;
        return age > TimeSpan.FromMinutes(rules.MaxMarkAgeMinutes)
            ? new PositionMark(price, oldest, MarkQuality.Stale, $"quotes are {FormatAge(age)} old (limit {rules.MaxMarkAgeMinutes} min)", legQuotes)
            : new PositionMark(price, oldest, MarkQuality.Fresh, null, legQuotes);
    }

    private static IEnumerable<string> QuoteProblems(string symbol, OptionQuote quote, decimal maxSpreadPct)
    {
        if (quote.Bid is not { } bid || bid <= 0m)
        {
            yield return $"no bid for {symbol}";
            yield break;
        }

        if (quote.Ask is not { } ask)
        {
            yield return $"no ask for {symbol}";
            yield break;
        }

        if (bid > ask)
        {
            yield return $"crossed quote for {symbol} (bid {bid} > ask {ask})";
            yield break;
        }

        var mid = (bid + ask) / 2m;
        var spreadPct = (ask - bid) / mid * 100m;
        if (spreadPct > maxSpreadPct)
        {
            yield return $"spread of {symbol} is {spreadPct:0.#}% of mid (limit {maxSpreadPct}%)";
        }
    }

    private static string FormatAge(TimeSpan age) =>
        age.TotalHours >= 1 ? $"{age.TotalHours:0.#} h" : $"{age.TotalMinutes:0.#} min";
}
