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
    public async Task<PriceWalk?> ForOpenAsync(OrderTicket ticket, CreditStrategy strategy, DateTimeOffset now, CancellationToken cancellationToken) =>
        execution.PriceWalk.Enabled && await PricesAsync(ticket.Legs, now, cancellationToken).ConfigureAwait(false) is var (mid, natural)
            ? Plan(ticket.Underlying, mid, natural, -proposals.MinimumCredit(strategy.Type, strategy.Width))
            : null;

    /// <summary>
    /// The order that closes <paramref name="position"/> priced from one read of its legs' quotes: what it would cost at
    /// the quotes (<see cref="ClosePricing.Natural"/>) and, when <paramref name="walk"/>, its walk (prices per unit,
    /// whatever the quantity).
    /// </summary>
    public async Task<ClosePricing> ForCloseAsync(Position position, DateTimeOffset now, bool walk, CancellationToken cancellationToken)
    {
        if (await PricesAsync(OrderTicket.ToClose(position, string.Empty, now).Legs, now, cancellationToken).ConfigureAwait(false) is not var (mid, natural))
        {
            return new ClosePricing(null, null);
        }

        if (!walk || position.ShortStrike is not { } shortStrike)
        {
            return new ClosePricing(natural, null);
        }

        var worth = position.LongStrike is { } longStrike ? shortStrike - longStrike : shortStrike;
        var multiple = execution.PriceWalk.CloseMaxDebitMultiple;
        return new ClosePricing(natural, Plan(position.Ticker, mid, natural, multiple > 0m ? Math.Min(worth, position.EntryPrice * multiple) : worth));
    }

    /// <summary>
    /// A roll order's walk from the whole order's net <paramref name="mid"/> toward its <paramref name="natural"/> price, never
    /// collecting less than <paramref name="minimumNetCredit"/>. With walking off it is the mid alone (rounded and capped): a
    /// roll always has a limit, the person's minimum credit, never a marketable price.
    /// </summary>
    public PriceWalk ForRoll(string underlying, decimal mid, decimal natural, decimal minimumNetCredit)
    {
        var walk = execution.PriceWalk;
        return PriceWalk.Plan(mid, natural, -minimumNetCredit, walk.Enabled ? walk.Steps : 0, walk.StepInterval, price => walk.TickFor(underlying, price));
    }

    private PriceWalk? Plan(string underlying, decimal mid, decimal natural, decimal cap)
    {
        var walk = execution.PriceWalk;
        return walk.Enabled ? PriceWalk.Plan(mid, natural, cap, walk.Steps, walk.StepInterval, price => walk.TickFor(underlying, price)) : null;
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
