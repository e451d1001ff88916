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
    /// <summary>How far a quote may be stamped after the evaluation instant (clock skew between feeds).</summary>
    internal static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(1);

    /// <param name="legQuotes">One quote (or null) per leg of <paramref name="position"/>, in leg order.</param>
    public static PositionMark Mark(Position position, IReadOnlyList<OptionQuote?> legQuotes, DateTimeOffset now, ExitRuleSettings rules)
    {
        if (legQuotes.Count != position.Legs.Count)
        {
            throw new ArgumentException($"expected {position.Legs.Count} leg quotes, got {legQuotes.Count}.", nameof(legQuotes));
        }

        // Allocated only when a leg has a problem: a sweep marks 100,000 positions, nearly all without one.
        List<string>? problems = null;
        decimal? price = 0m;
        DateTimeOffset? oldest = null;
        for (var i = 0; i < legQuotes.Count; i++)
        {
            var leg = position.Legs[i];
            var quote = legQuotes[i];
            if (quote is null)
            {
                (problems ??= []).Add($"no quote for {leg.Contract.OccSymbol}");
                price = null;
                continue;
            }

            oldest = oldest is null || quote.Timestamp < oldest ? quote.Timestamp : oldest;
            if (QuoteProblem(leg.Contract, quote, now, rules.MaxSpreadPct) is { } problem)
            {
                (problems ??= []).Add(problem);
            }


            // A one-sided, crossed or misattributed quote has no meaningful mid, so the mark has no price;
            // a merely wide one keeps its price for display (it is still UNUSABLE for the rules).
            var twoSided = quote.Contract == leg.Contract && quote is { Bid: > 0m, Ask: { } ask } && quote.Bid <= ask;
            price = twoSided && price is { } sum && quote.Mid is { } mid
                // Closing buys back the short legs (a debit) and sells the long ones (a credit).
                ? sum + ((leg.Side == LegSide.Short ? mid : -mid) * leg.Ratio)
                : null;
        }

        if (problems is not null)
        {
            return new PositionMark(price, oldest, MarkQuality.Unusable, string.Join("; ", problems), legQuotes);
        }

        var age = now - oldest!.Value;
        return age > TimeSpan.FromMinutes(rules.MaxMarkAgeMinutes)
            ? new PositionMark(price, oldest, MarkQuality.Stale, $"quotes are {FormatAge(age)} old (limit {rules.MaxMarkAgeMinutes} min)", legQuotes)
            : new PositionMark(price, oldest, MarkQuality.Fresh, null, legQuotes);
    }

    /// <summary>Marks shares at the underlying's last price; only its age can disqualify it.</summary>
    public static PositionMark MarkShares(UnderlyingQuote? quote, DateTimeOffset now, ExitRuleSettings rules)
    {
        if (quote is null || quote.Last <= 0m)
        {
            return new PositionMark(null, quote?.Timestamp, MarkQuality.Unusable, "no price for the underlying", []);
        }

        var age = now - quote.Timestamp;
        return age > TimeSpan.FromMinutes(rules.MaxMarkAgeMinutes)
            ? new PositionMark(quote.Last, quote.Timestamp, MarkQuality.Stale, $"price is {FormatAge(age)} old (limit {rules.MaxMarkAgeMinutes} min)", [])
            : new PositionMark(quote.Last, quote.Timestamp, MarkQuality.Fresh, null, []);
    }

    /// <returns>What makes the leg's quote unusable (the first thing found), or null.</returns>
    private static string? QuoteProblem(OptionContract contract, OptionQuote quote, DateTimeOffset now, decimal maxSpreadPct)
    {
        if (quote.Contract != contract)
        {
            return $"quote for {quote.Contract.OccSymbol} given for {contract.OccSymbol}";
        }

        if (quote.Timestamp > now + FutureTolerance)
        {
            return $"quote for {contract.OccSymbol} is stamped {quote.Timestamp:O}, after {now:O}";
        }

        if (quote.Bid is not { } bid || bid <= 0m)
        {
            return $"no bid for {contract.OccSymbol}";
        }

        if (quote.Ask is not { } ask)
        {
            return $"no ask for {contract.OccSymbol}";
        }

        if (bid > ask)
        {
            return $"crossed quote for {contract.OccSymbol} (bid {bid} > ask {ask})";
        }

        var mid = (bid + ask) / 2m;
        var spreadPct = (ask - bid) / mid * 100m;
        return spreadPct > maxSpreadPct ? $"spread of {contract.OccSymbol} is {spreadPct:0.#}% of mid (limit {maxSpreadPct}%)" : null;
    }

    private static string FormatAge(TimeSpan age) =>
        age.TotalHours >= 1 ? $"{age.TotalHours:0.#} h" : $"{age.TotalMinutes:0.#} min";
}
