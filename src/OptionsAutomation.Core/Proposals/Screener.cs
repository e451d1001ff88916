using System.Globalization;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;

namespace OptionsAutomation.Core.Proposals;

/// <summary>
/// Picks a CSP or VPC from an option chain: an expiration with DTE in [min, max] (nearest max preferred; only monthlies
/// when <c>MonthlyExpirationsOnly</c>), the put whose |delta| is nearest the target (or the highest strike at or below
/// the underlying's price, <see cref="ShortStrikeRule.AtOrBelowSpot"/>), for a VPC the put <c>SpreadWidth</c> lower, and
/// only if open interest, leg spreads and the credit pass. Pure: the chain, today's date and the calendar are inputs.
/// </summary>
public static class Screener
{
    /// <param name="calendar">Tells a monthly expiration moved by a holiday; needed only under <c>MonthlyExpirationsOnly</c>.</param>
    public static (ScreenCandidate? Candidate, ScreenDenial? Denial) Screen(
        OptionChain chain, StrategyType strategy, DateOnly today, ProposalSettings settings, NyseCalendar? calendar = null)
    {
        var ticker = chain.Underlying;
        ScreenDenial Deny(ScreenDenialCode code, FormattableString context) =>
            new(ticker, strategy, code, context.ToString(CultureInfo.InvariantCulture));

        var monthlies = settings.MonthlyExpirationsOnly ? calendar ?? new NyseCalendar() : null;
        var puts = chain.Quotes.Where(q => q.Contract.Right == OptionRight.Put).ToList();
        var expirations = puts.Select(q => q.Contract.Expiration).Distinct()
            .Where(e => e.DayNumber - today.DayNumber >= settings.MinDaysToExpiry && e.DayNumber - today.DayNumber <= settings.MaxDaysToExpiry)
            .Where(e => monthlies is null || RollSchedule.IsMonthlyExpiration(e, monthlies))
            .OrderByDescending(e => e)
            .ToList();
        if (expirations.Count == 0)
        {
            return (null, Deny(ScreenDenialCode.NoExpirationInWindow, $"dte_window={settings.MinDaysToExpiry}-{settings.MaxDaysToExpiry}, today={today:yyyy-MM-dd}"));
        }

        var expiration = expirations[0];
        var candidates = puts.Where(q => q.Contract.Expiration == expiration && q.Delta is not null && q.Mid is > 0m).ToList();
        var atOrBelowSpot = settings.ShortStrike == ShortStrikeRule.AtOrBelowSpot;
        var shortPut = atOrBelowSpot
            ? candidates.Where(q => q.Contract.Strike <= chain.UnderlyingPrice).MaxBy(q => q.Contract.Strike)
            : candidates.MinBy(q => Math.Abs(Math.Abs(q.Delta!.Value) - settings.TargetDelta));
        if (shortPut is null)
        {
            return (null, atOrBelowSpot
                ? Deny(ScreenDenialCode.NoShortPut, $"expiration={expiration:yyyy-MM-dd}, at_or_below={chain.UnderlyingPrice}")
                : Deny(ScreenDenialCode.NoShortPut, $"expiration={expiration:yyyy-MM-dd}, target_delta={settings.TargetDelta}"));
        }

        OptionQuote? longPut = null;
        if (strategy == StrategyType.VerticalPutCredit)
        {
            var longStrike = shortPut.Contract.Strike - settings.SpreadWidth;
            longPut = candidates.FirstOrDefault(q => q.Contract.Strike == longStrike);
            if (longPut is null)
            {
                return (null, Deny(ScreenDenialCode.NoLongPut, $"expiration={expiration:yyyy-MM-dd}, strike={longStrike:0.###}"));
            }
        }

        foreach (var leg in longPut is null ? [shortPut] : new[] { shortPut, longPut })
        {
            if ((leg.OpenInterest ?? 0) < settings.MinOpenInterest)
            {
                return (null, Deny(ScreenDenialCode.OpenInterestTooLow, $"symbol={leg.Contract.OccSymbol.Trim()}, open_interest={leg.OpenInterest ?? 0}, min={settings.MinOpenInterest}"));
            }

            var spreadPct = (leg.Ask!.Value - leg.Bid!.Value) / leg.Mid!.Value * 100m;
            if (spreadPct > settings.MaxLegSpreadPct)
            {
                return (null, Deny(ScreenDenialCode.SpreadTooWide, $"symbol={leg.Contract.OccSymbol.Trim()}, spread_pct={spreadPct:0.##}, max={settings.MaxLegSpreadPct}"));
            }
        }

        var credit = RoundToTick(shortPut.Mid!.Value - (longPut?.Mid ?? 0m), settings.NickelsAboveThreeDollars);
        var minCredit = settings.MinimumCredit(strategy, settings.SpreadWidth);
        if (credit < minCredit || credit <= 0m)
        {
            return (null, Deny(ScreenDenialCode.CreditTooLow, $"credit={credit:0.00##}, min={minCredit:0.00##}"));
        }

        var creditStrategy = CreditStrategy.Create(strategy, ticker, expiration, shortPut.Contract.Strike, longPut?.Contract.Strike, credit);
        var pop = decimal.Round(1m - (decimal)Math.Abs(shortPut.Delta!.Value), 4, MidpointRounding.AwayFromZero);
        return (new ScreenCandidate(creditStrategy, shortPut, longPut, pop), null);
    }

    /// <summary>Rounds a limit price to the tick: pennies, or nickels from 3.00 when the class trades in nickels.</summary>
    public static decimal RoundToTick(decimal price, bool nickelsAboveThreeDollars)
    {
        var tick = nickelsAboveThreeDollars && price >= 3m ? 0.05m : 0.01m;
        return decimal.Round(price / tick, 0, MidpointRounding.AwayFromZero) * tick;
    }
}
