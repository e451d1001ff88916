using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading;

/// <summary>Fetches a position's leg quotes as of an instant and marks it.</summary>
public sealed class PositionValuer(IMarketData marketData, ExitRuleSettings rules)
{
    public async Task<PositionMark> MarkAsync(Position position, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (!position.IsOption)
        {
            var underlying = await marketData.GetUnderlyingQuoteAsync(position.Ticker, asOf, cancellationToken).ConfigureAwait(false);
            return PositionMarker.MarkShares(underlying, asOf, rules);
        }

        var quotes = new OptionQuote?[position.Legs.Count];
        for (var i = 0; i < quotes.Length; i++)
        {
            quotes[i] = await marketData.GetOptionQuoteAsync(position.Legs[i].Contract, asOf, cancellationToken).ConfigureAwait(false);
        }

        return PositionMarker.Mark(position, quotes, asOf, rules);
    }
}
