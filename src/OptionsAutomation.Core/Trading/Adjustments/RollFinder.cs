using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;

namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>
/// Prices the roll of an open short put (or put spread) out in time and down in strike from a chain. The expiration is
/// the first listed one at least <c>MinRollDays</c> after the current one and within <c>MaxRollDaysToExpiry</c> of today
/// (monthlies only when the screener screens monthlies only). The strike starts at the put whose |delta| is nearest the
/// screener's target, never above the current short strike, and moves up toward the current strike only as far as needed
/// to collect <c>MinRollNetCredit</c>: the lowest strike that still pays. A VPC keeps its width.
/// </summary>
public static class RollFinder
{
    /// <returns>The first roll paying the minimum credit; else the best-paying one (shown, not recommended); null when
    /// the old legs or any candidate are not quoted on both sides.</returns>
    public static RollCandidate? Find(
        Position position, IReadOnlyList<OptionQuote?> legQuotes, OptionChain chain, DateOnly today,
        AdjustmentSettings settings, ProposalSettings proposals, NyseCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(legQuotes);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(proposals);
        if (position is not { Expiration: { } expiration, ShortStrike: { } shortStrike } || CloseAt(position, legQuotes) is not { } close)
        {
            return null;
        }

        var width = position.LongStrike is { } longStrike ? shortStrike - longStrike : (decimal?)null;
        var puts = chain.Quotes.Where(q => q.Contract.Right == OptionRight.Put && TwoSided(q)).ToList();
        var next = puts.Select(q => q.Contract.Expiration).Distinct()
            .Where(e => e.DayNumber - expiration.DayNumber >= settings.MinRollDays && e.DayNumber - today.DayNumber <= settings.MaxRollDaysToExpiry)
            .Where(e => !proposals.MonthlyExpirationsOnly || RollSchedule.IsMonthlyExpiration(e, calendar))
            .Order()
            .Cast<DateOnly?>()
            .FirstOrDefault();
        if (next is not { } newExpiration)
        {
            return null;
        }

        var strikes = puts.Where(q => q.Contract.Expiration == newExpiration).ToDictionary(q => q.Contract.Strike);
        var shorts = strikes.Values.Where(q => q.Contract.Strike <= shortStrike && q.Delta is not null).OrderBy(q => q.Contract.Strike).ToList();
        var target = shorts.MinBy(q => Math.Abs(Math.Abs(q.Delta!.Value) - proposals.TargetDelta));
        if (target is null)
        {
            return null;
        }

        RollCandidate? best = null;
        foreach (var newShort in shorts.Where(q => q.Contract.Strike >= target.Contract.Strike))
        {
            OptionQuote? newLong = null;
            if (width is { } w && !strikes.TryGetValue(newShort.Contract.Strike - w, out newLong))
            {
                continue;
            }

            var newCredit = newShort.Bid!.Value - (newLong?.Ask ?? 0m);
            var newMid = newShort.Mid!.Value - (newLong?.Mid ?? 0m);
            var roll = new RollCandidate(newExpiration, newShort.Contract.Strike, newLong?.Contract.Strike, Math.Abs(newShort.Delta!.Value),
                close.Natural, newCredit, newCredit - close.Natural, newMid - close.Mid);
            if (roll.NetCredit >= settings.MinRollNetCredit)
            {
                return roll;
            }

            best = best is null || roll.NetCredit > best.NetCredit ? roll : best;
        }

        return best;
    }

    /// <summary>The old legs' closing debit per share at natural (short at the ask, long at the bid) and at mid.</summary>
    private static (decimal Natural, decimal Mid)? CloseAt(Position position, IReadOnlyList<OptionQuote?> legQuotes)
    {
        decimal natural = 0m, mid = 0m;
        for (var i = 0; i < position.Legs.Count; i++)
        {
            if (i >= legQuotes.Count || legQuotes[i] is not { } quote || !TwoSided(quote))
            {
                return null;
            }

            var isShort = position.Legs[i].Side == LegSide.Short;
            natural += isShort ? quote.Ask!.Value : -quote.Bid!.Value;
            mid += isShort ? quote.Mid!.Value : -quote.Mid!.Value;
        }

        return (natural, mid);
    }

    private static bool TwoSided(OptionQuote quote) => quote is { Bid: > 0m, Ask: { } ask } && quote.Bid <= ask;
}
