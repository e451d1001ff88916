using OptionsAutomation.Core.MarketData;

namespace OptionsAutomation.Core.Backtest;

/// <summary>
/// The daily history a backtest replays: an underlying's bars, VIX closes and T-bill rates, each sorted by date. A day
/// needs its own bar and VIX close; the rate is the last one published on or before it (DTB3 has no row on some days
/// the NYSE trades).
/// </summary>
public sealed class MarketHistory
{
    private readonly Dictionary<DateOnly, DailyBar> _bars;
    private readonly Dictionary<DateOnly, decimal> _vix;
    private readonly DateOnly[] _rateDates;
    private readonly TreasuryBillRate[] _rates;

    public MarketHistory(IReadOnlyList<DailyBar> bars, IReadOnlyList<IndexClose> vix, IReadOnlyList<TreasuryBillRate> rates)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(vix);
        ArgumentNullException.ThrowIfNull(rates);
        Bars = bars;
        _bars = bars.ToDictionary(b => b.Date);
        _vix = vix.ToDictionary(v => v.Date, v => v.Close);
        Vix = new DailyCloses(vix);
        _rates = [.. rates.OrderBy(r => r.Date)];
        _rateDates = [.. _rates.Select(r => r.Date)];
    }

    public IReadOnlyList<DailyBar> Bars { get; }

    /// <summary>The VIX closes, for what a proposal reads of the days before it (the <c>ml</c> sizing's features).</summary>
    public DailyCloses Vix { get; }

    /// <summary>The inputs of the synthetic chain on <paramref name="date"/>; null when a bar, the VIX or any earlier rate is missing.</summary>
    public MarketDay? DayOn(DateOnly date)
    {
        if (!_bars.TryGetValue(date, out var bar) || !_vix.TryGetValue(date, out var vix) || RateOn(date) is not { } rate)
        {
            return null;
        }

        return new MarketDay(date, bar.Close, vix, rate.ContinuousRate);
    }

    /// <summary>The last rate published on or before <paramref name="date"/>, or null before the first.</summary>
    public TreasuryBillRate? RateOn(DateOnly date)
    {
        var index = Array.BinarySearch(_rateDates, date);
        var atOrBefore = index >= 0 ? index : ~index - 1;
        return atOrBefore >= 0 ? _rates[atOrBefore] : null;
    }
}
