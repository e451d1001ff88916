using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Exits;

/// <summary>
/// How an option position ends at expiration, from the underlying's closing price. OCC's rule: an option
/// is exercised when in the money by $0.01 or more. An out-of-the-money short put expires (exit 0, the full
/// credit realized); an in-the-money CSP is assigned (the put closed at its intrinsic value, shares opened
/// at the close; an index option settles that value in cash instead); an in-the-money VPC settles at its
/// intrinsic value, capped at the width. Settlement uses the session's closing price: AM-settled index
/// options (standard monthly SPX) really settle on that morning's opening print, which needs an opening
/// price the market-data port does not carry yet.
/// </summary>
public sealed record ExpirationSettlement(ExitReason Reason, decimal ExitPrice, AssignedShares? Shares)
{
    public const decimal ExerciseThreshold = 0.01m;

    /// <summary>Cash-settled index option roots (no delivery of shares on exercise).</summary>
    public static IReadOnlySet<string> CashSettledRoots { get; } =
        new HashSet<string>(["SPX", "SPXW", "XSP", "NDX", "NDXP", "RUT", "RUTW", "VIX", "DJX"], StringComparer.OrdinalIgnoreCase);

    public static ExpirationSettlement For(Position position, decimal underlyingClose, DateTimeOffset at)
    {
        if (!position.IsOption || position.ShortStrike is not { } strike)
        {
            throw new ArgumentException($"position {position.PositionId} is not an option position.", nameof(position));
        }

        var shortIntrinsic = strike - underlyingClose;
        if (shortIntrinsic < ExerciseThreshold)
        {
            return new ExpirationSettlement(ExitReason.Expired, 0m, null);
        }

        if (position.StrategyType == StrategyType.VerticalPutCredit)
        {
            var width = strike - (position.LongStrike ?? throw new ArgumentException($"VPC {position.PositionId} has no long strike.", nameof(position)));
            return new ExpirationSettlement(ExitReason.Assigned, Math.Min(shortIntrinsic, width), null);
        }

        // Index options settle in cash: the intrinsic value changes hands, no shares do.
        if (CashSettledRoots.Contains(position.Ticker))
        {
            return new ExpirationSettlement(ExitReason.Assigned, shortIntrinsic, null);
        }

        var shares = new AssignedShares(
            $"{position.RequestId}:assigned",
            position.Ticker,
            position.Quantity * position.Multiplier,
            underlyingClose,
            strike - position.EntryPrice,
            position.PositionId,
            at);
        return new ExpirationSettlement(ExitReason.Assigned, shortIntrinsic, shares);
    }

    /// <summary>
    /// The settlement as the fills it amounts to: every leg closed at its intrinsic value (OCC's one-cent rule per
    /// leg, so an out-of-the-money leg closes at 0), no commission, under the client order id
    /// <c>settle-{position id}</c>. The legs' net is <see cref="ExitPrice"/>: for a spread deep in the money the two
    /// intrinsic values differ by the width. Recorded like any fill, so the position's fills replay to flat.
    /// </summary>
    public Orders.OrderState AsFills(Position position, decimal underlyingClose, DateTimeOffset at)
    {
        var clientOrderId = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"settle-{position.PositionId}");
        var fills = position.Legs.Select((leg, i) =>
        {
            var intrinsic = leg.Contract.Strike - underlyingClose;
            var side = leg.Side == LegSide.Short ? Orders.OrderSide.BuyToClose : Orders.OrderSide.SellToClose;
            return new Orders.LegFill($"{clientOrderId}-{i + 1}", new Orders.OrderLeg(leg.Contract, side, leg.Ratio), leg.Ratio * position.Quantity,
                intrinsic >= ExerciseThreshold ? intrinsic : 0m);
        });
        return new Orders.OrderState(clientOrderId, Orders.OrderStatus.Filled, position.Quantity, position.Quantity, ExitPrice, 0m,
            new ValueList<Orders.LegFill>(fills), null, Reason.ToCode(), at);
    }
}
