using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Risk;

/// <summary>
/// An order that would open a credit position, as the gate sees it. The limit price is
/// <see cref="CreditStrategy.Credit"/>: the net credit per share asked for.
/// </summary>
public sealed record OpeningOrder
{
    /// <param name="requestId">The proposal's idempotency key: checking it again (at approval) does not count twice against the order rate.</param>
    /// <param name="multiplier">Shares per contract (ExitRules:ContractMultiplier).</param>
    public OpeningOrder(string requestId, CreditStrategy strategy, int contracts, int multiplier)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(contracts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(multiplier);
        RequestId = requestId;
        Strategy = strategy;
        Contracts = contracts;
        Multiplier = multiplier;
    }

    public string RequestId { get; }

    public CreditStrategy Strategy { get; }

    public int Contracts { get; }

    public int Multiplier { get; }

    public string Underlying => Strategy.Underlying;

    /// <summary>Net credit per share asked for.</summary>
    public decimal LimitPrice => Strategy.Credit;

    /// <summary>
    /// What the order puts at risk: the collateral of a CSP (strike × multiplier × contracts), the max loss of a
    /// VPC ((width − credit) × multiplier × contracts), as <see cref="PositionTerms"/> derives them.
    /// </summary>
    public decimal Notional => Strategy.Type == StrategyType.CashSecuredPut
        ? CreditPnl.Dollars(Strategy.ShortStrike, Multiplier, Contracts)
        : CreditPnl.Dollars(Strategy.Width - Strategy.Credit, Multiplier, Contracts);
}
