using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>
/// A roll order's fills split by what they did: the closing legs' fills (what closing the old contracts cost, per share,
/// debit positive) and the opening legs' fills (the new position's credit per share), each with its own commissions.
/// <see cref="Problem"/> says why they cannot be booked: the old position closed for a credit, or the new one opened for
/// no credit — crossed quotes, which the book refuses.
/// </summary>
public sealed record RollFills(
    ValueList<LegFill> Closing,
    ValueList<LegFill> Opening,
    decimal ClosingDebit,
    decimal OpeningCredit,
    decimal ClosingFees,
    decimal OpeningFees)
{
    public string? Problem => ClosingDebit < 0m
        ? $"the old legs closed for a credit ({ClosingDebit})"
        : OpeningCredit <= 0m ? $"the new legs opened for a debit ({-OpeningCredit})" : null;

    /// <summary>The fills of an order that filled <see cref="OrderState.FilledQuantity"/> units, priced per share of one unit.</summary>
    public static RollFills Of(OrderState outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outcome.FilledQuantity, nameof(outcome));
        var closing = outcome.Fills.Where(f => !RollLegs.Opens(f.Leg)).ToList();
        var opening = outcome.Fills.Where(f => RollLegs.Opens(f.Leg)).ToList();
        // Commissions as the broker split them per leg fill; whatever it charged beyond those goes with the new position.
        var closingFees = PriceRules.BrokerAmount(closing.Sum(f => f.Fee));
        return new RollFills(
            new(closing),
            new(opening),
            PriceRules.BrokerPrice(Net(closing) / outcome.FilledQuantity),
            PriceRules.BrokerPrice(-Net(opening) / outcome.FilledQuantity),
            closingFees,
            PriceRules.BrokerAmount(outcome.Fees) - closingFees);
    }

    /// <summary>Paid positive, received negative, over every contract filled.</summary>
    private static decimal Net(IEnumerable<LegFill> fills) => fills.Sum(f => (f.Leg.Buys ? f.Price : -f.Price) * f.Contracts);
}
