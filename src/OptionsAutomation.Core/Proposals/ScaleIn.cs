using System.Globalization;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Proposals;

/// <summary>
/// Scaling in: adding contracts of the same legs to an open position that moved the seller's way. Only a first
/// position scales (a lot is not scaled again), not one already scaled out (its profit was banked, adding back
/// would undo that), and at most <see cref="ScalingInSettings.MaxAdds"/> times; the add is its own position (a lot)
/// because it has its own opening order and entry price.
/// </summary>
public static class ScaleIn
{
    /// <summary>Why <paramref name="position"/> takes an add now, in words; null when it does not.</summary>
    /// <param name="adds">Lots already added to it (open or closed).</param>
    /// <param name="entrySpot">The underlying's price when it opened; null when unknown (the rise trigger then cannot fire).</param>
    /// <param name="spot">The underlying's price now.</param>
    public static string? Trigger(Position position, int adds, decimal? entrySpot, decimal spot, DateOnly today, ScalingInSettings settings)
    {
        if (!settings.IsOn || !position.IsOption || position.Status != PositionStatus.Open || position.ScalesPositionId is not null
            || position.ScaledOut || adds >= settings.MaxAdds || position.DaysToExpiry(today) < settings.MinDaysToExpiry)
        {
            return null;
        }

        var maxProfit = position.ReturnBase();
        if (settings.AtProfitFraction > 0m && position.MarkStatus == MarkQuality.Fresh && position.UnrealizedPnl is { } pnl
            && pnl >= settings.AtProfitFraction * maxProfit)
        {
            return string.Create(CultureInfo.InvariantCulture, $"P&L {pnl:0.00} reached {settings.AtProfitFraction} of max profit {maxProfit:0.00}");
        }

        if (settings.AtUnderlyingRisePct > 0m && entrySpot is > 0m and var entry)
        {
            var rise = (spot - entry) / entry * 100m;
            if (rise >= settings.AtUnderlyingRisePct)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{position.Ticker} up {rise:0.##}% since entry ({entry} → {spot})");
            }
        }

        return null;
    }

    /// <summary>The contracts an add may still take: <c>Risk:MaxPositionContracts</c> less what the position and its lots hold.</summary>
    public static int Room(int heldContracts, int maxPositionContracts) => Math.Max(0, maxPositionContracts - heldContracts);

    /// <summary>
    /// The position's legs at the chain's mids now, the credit rounded to the tick as the screener rounds it; null when a
    /// leg has no two-sided quote in the chain or the credit is not positive.
    /// </summary>
    public static ScreenCandidate? Reprice(Position position, OptionChain chain, bool nickelsAboveThreeDollars)
    {
        OptionQuote? QuoteOf(OptionContract contract) => chain.Quotes.FirstOrDefault(q => q.Contract == contract && q.Mid is > 0m);

        var shortLeg = position.Legs.First(l => l.Side == LegSide.Short).Contract;
        var longLeg = position.Legs.FirstOrDefault(l => l.Side == LegSide.Long)?.Contract;
        var shortQuote = QuoteOf(shortLeg);
        var longQuote = longLeg is null ? null : QuoteOf(longLeg);
        if (shortQuote?.Delta is not { } delta || (longLeg is not null && longQuote is null))
        {
            return null;
        }

        var credit = Screener.RoundToTick(shortQuote.Mid!.Value - (longQuote?.Mid ?? 0m), nickelsAboveThreeDollars);
        if (credit <= 0m)
        {
            return null;
        }

        var strategy = CreditStrategy.Create(position.StrategyType, position.Ticker, shortLeg.Expiration, shortLeg.Strike, longLeg?.Strike, credit);
        return new ScreenCandidate(strategy, shortQuote, longQuote, decimal.Round(1m - (decimal)Math.Abs(delta), 4, MidpointRounding.AwayFromZero));
    }
}
