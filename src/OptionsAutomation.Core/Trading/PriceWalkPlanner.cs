using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// Plans an order's price walk from the legs' quotes at the moment it is sent (<see cref="PriceWalk"/>), with the cap
/// that applies: an open never collects less than the screener's minimum credit for its strategy (the proposal passed
/// that rule when it was made; the walk must not trade what the screener would have refused), a close never pays more
/// than the position can ever be worth (a VPC's width, a CSP's strike), or a configured multiple of the entry credit if
/// that is lower. The structural cap is the default because a close limits a loss: a cap at the stop price would keep a
/// position open exactly when the market gaps through its stop. Null when walking is off or a leg has no two-sided quote:
/// the order then goes out as before the walk (an open at the proposal's credit, a close marketable).
/// </summary>
public sealed class PriceWalkPlanner(IMarketData marketData, ExecutionSettings execution, ProposalSettings proposals)
{
    public Task<PriceWalk?> ForOpenAsync(OrderTicket ticket, CreditStrategy strategy, DateTimeOffset now, CancellationToken cancellationToken) =>
        PlanAsync(ticket.Underlying, ticket.Legs, -proposals.MinimumCredit(strategy.Type, strategy.Width), now, cancellationToken);

    /// <summary>The walk of the order that closes <paramref name="position"/> (its prices are per unit, whatever the quantity).</summary>
    public Task<PriceWalk?> ForCloseAsync(Position position, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (position.ShortStrike is not { } shortStrike)
        {
            return Task.FromResult<PriceWalk?>(null);
        }

        var worth = position.LongStrike is { } longStrike ? shortStrike - longStrike : shortStrike;
        var multiple = execution.PriceWalk.CloseMaxDebitMultiple;
        var legs = OrderTicket.ToClose(position, string.Empty, now).Legs;
        return PlanAsync(position.Ticker, legs, multiple > 0m ? Math.Min(worth, position.EntryPrice * multiple) : worth, now, cancellationToken);
    }

    /// <summary>
    /// What closing <paramref name="position"/> at the quotes would cost per unit (buy at the asks, sell at the bids; a
    /// credit is negative), or null without a two-sided quote on every leg. A close of a credit spread for a credit is
    /// possible only on crossed quotes between strikes: the caller does not send it, since a fill the book cannot take
    /// would halt trading.
    /// </summary>
    public async Task<decimal?> NaturalCloseAsync(Position position, DateTimeOffset now, CancellationToken cancellationToken) =>
        await PricesAsync(OrderTicket.ToClose(position, string.Empty, now).Legs, now, cancellationToken).ConfigureAwait(false) is { } prices
            ? prices.Natural
            : null;

    private async Task<PriceWalk?> PlanAsync(string underlying, IEnumerable<OrderLeg> legs, decimal cap, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var walk = execution.PriceWalk;
        if (!walk.Enabled || await PricesAsync(legs, now, cancellationToken).ConfigureAwait(false) is not var (mid, natural))
        {
            return null;
        }

        return PriceWalk.Plan(mid, natural, cap, walk.Steps, walk.StepInterval, price => walk.TickFor(underlying, price));
    }

    /// <summary>The legs' net mid and natural price (signed: paid positive), or null without a two-sided quote on each.</summary>
    private async Task<(decimal Mid, decimal Natural)?> PricesAsync(IEnumerable<OrderLeg> legs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        decimal mid = 0m, natural = 0m;
        foreach (var leg in legs)
        {
            var quote = await marketData.GetOptionQuoteAsync(leg.Contract, now, cancellationToken).ConfigureAwait(false);
            if (quote is not { Bid: { } bid, Ask: { } ask } || bid > ask)
            {
                return null;
            }

            var sign = leg.Buys ? 1 : -1;
            mid += sign * leg.Ratio * (bid + ask) / 2m;
            natural += sign * leg.Ratio * (leg.Buys ? ask : bid);
        }

        return (mid, natural);
    }
}
