using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Instruments;

/// <summary>
/// A put credit strategy as traded: CSP (one short put) or VPC (short put plus a lower long put),
/// with the net credit per share. Construct through <see cref="Create"/>, which refuses shapes that
/// cannot be traded.
/// </summary>
public sealed record CreditStrategy
{
    private CreditStrategy(StrategyType type, string underlying, DateOnly expiration, decimal shortStrike, decimal? longStrike, decimal credit)
    {
        Type = type;
        Underlying = underlying;
        Expiration = expiration;
        ShortStrike = shortStrike;
        LongStrike = longStrike;
        Credit = credit;
    }

    public StrategyType Type { get; }

    public string Underlying { get; }

    public DateOnly Expiration { get; }

    public decimal ShortStrike { get; }

    /// <summary>The protective put of a VPC; null for a CSP.</summary>
    public decimal? LongStrike { get; }

    /// <summary>Net credit received, per share.</summary>
    public decimal Credit { get; }

    /// <summary>Distance between the strikes of a VPC, per share; 0 for a CSP.</summary>
    public decimal Width => LongStrike is { } longStrike ? ShortStrike - longStrike : 0m;

    public ValueList<OptionLeg> Legs =>
        new(LongStrike is { } longStrike
            ? [Leg(LegSide.Short, ShortStrike), Leg(LegSide.Long, longStrike)]
            : [Leg(LegSide.Short, ShortStrike)]);

    /// <summary>Validates and builds a strategy; every problem is reported at once.</summary>
    /// <exception cref="PositionRuleException">when the strategy cannot be traded.</exception>
    public static CreditStrategy Create(StrategyType type, string underlying, DateOnly expiration, decimal shortStrike, decimal? longStrike, decimal credit)
    {
        var errors = new List<string>();
        var ticker = (underlying ?? "").Trim().ToUpperInvariant();
        if (!Ticker.IsValid(ticker))
        {
            errors.Add($"ticker '{underlying}' must be 1-6 letters, or up to 5 with a share class (e.g. SPY, BRK.B).");
        }

        PriceRules.RequireStrike(errors, "short strike", shortStrike);
        PriceRules.RequirePositive(errors, "credit", credit);
        switch (type)
        {
            case StrategyType.CashSecuredPut:
                if (longStrike is not null)
                {
                    errors.Add("a CSP has no long strike.");
                }
                else if (credit >= shortStrike && shortStrike > 0m)
                {
                    errors.Add($"credit {credit} must be below the strike {shortStrike}.");
                }

                break;
            case StrategyType.VerticalPutCredit:
                if (longStrike is not { } l)
                {
                    errors.Add("a VPC needs a long strike.");
                    break;
                }

                PriceRules.RequireStrike(errors, "long strike", l);
                if (l >= shortStrike)
                {
                    errors.Add($"long strike {l} must be below the short strike {shortStrike} for a VPC.");
                }
                else if (credit >= shortStrike - l)
                {
                    errors.Add($"credit {credit} must be below the spread width {shortStrike - l}.");
                }

                break;
            default:
                errors.Add($"{type.ToCode()} is not a credit option strategy.");
                break;
        }

        PositionRuleException.ThrowIfAny(errors);
        return new CreditStrategy(type, ticker, expiration, shortStrike, longStrike, credit);
    }

    private OptionLeg Leg(LegSide side, decimal strike) =>
        new(new OptionContract(Underlying, Expiration, OptionRight.Put, strike), side);
}
