namespace OptionsAutomation.Infrastructure.MarketData.Synthetic;

/// <summary>
/// A geometric Brownian motion of one underlying in one-minute steps of calendar time, defined for every
/// minute before and after the origin and identical for a given seed however it is queried. Its shocks come from
/// <see cref="CorrelatedShocks"/>, so the underlyings move together as configured.
/// </summary>
/// <remarks>
/// Time is cut into days of 1,440 minutes counted from the origin. Each day's log-return is one normal draw,
/// D = (μ − σ²/2)·Δ + σ·√Δ·Z with Δ = 1/365, so reaching a minute a year away costs 365 draws, and the log-price
/// at the start of day d is the running sum of the D before it (cached as it grows). Inside a day the path is a
/// Brownian bridge from that start to the start of the next day, built from the day's 1,440 minute draws:
/// B(j) = W(j) − (j/1440)·(W(1440) − D). The minute path therefore ends exactly where the daily draws say, and
/// its law is that of GBM sampled every minute. Double precision throughout: this is a model, not booked money.
/// </remarks>
internal sealed class PricePath
{
    public const int MinutesPerDay = 1440;
    private const double DaysPerYear = 365;

    private readonly CorrelatedNormal _shocks;
    private readonly double _logStart;
    private readonly double _dailyDrift;
    private readonly double _dailyVolatility;
    private readonly double _minuteVolatility;
    private readonly Lock _lock = new();

    // _forward[n] = sum of D over days 0 … n−1; _backward[n] = sum of D over days −n … −1.
    private readonly List<double> _forward = [0];
    private readonly List<double> _backward = [0];

    // The minute walk of the day asked last, W(0 … 1440): quotes come in bursts within one day, so one day is enough.
    private long _walkDay = long.MinValue;
    private readonly double[] _walk = new double[MinutesPerDay + 1];

    public PricePath(CorrelatedNormal shocks, double start, double volatility, double drift)
    {
        _shocks = shocks;
        _logStart = Math.Log(start);
        _dailyDrift = (drift - (volatility * volatility / 2)) / DaysPerYear;
        _dailyVolatility = volatility * Math.Sqrt(1 / DaysPerYear);
        _minuteVolatility = volatility * Math.Sqrt(1 / (DaysPerYear * MinutesPerDay));
    }

    /// <summary>The price at the start of minute <paramref name="minute"/> counted from the origin (negative before it).</summary>
    public double At(long minute)
    {
        var day = Math.DivRem(minute, MinutesPerDay, out var within);
        if (within < 0)
        {
            day--;
            within += MinutesPerDay;
        }

        return Math.Exp(_logStart + DayStart(day) + Bridge(day, (int)within));
    }

    private double DailyMove(long day) => _dailyDrift + (_dailyVolatility * _shocks.Normal(RandomStream.DailyMove, day));

    private double DayStart(long day)
    {
        lock (_lock)
        {
            if (day >= 0)
            {
                while (_forward.Count <= day)
                {
                    _forward.Add(_forward[^1] + DailyMove(_forward.Count - 1));
                }

                return _forward[(int)day];
            }

            while (_backward.Count <= -day)
            {
                _backward.Add(_backward[^1] + DailyMove(-_backward.Count));
            }

            return -_backward[(int)-day];
        }
    }

    /// <summary>Where the bridge of <paramref name="day"/> is after <paramref name="minutes"/> minutes, relative to the day's start.</summary>
    private double Bridge(long day, int minutes)
    {
        if (minutes == 0)
        {
            return 0;
        }

        lock (_lock)
        {
            if (_walkDay != day)
            {
                for (var j = 0; j < MinutesPerDay; j++)
                {
                    _walk[j + 1] = _walk[j] + (_minuteVolatility * _shocks.Normal(RandomStream.MinuteMove, (day * MinutesPerDay) + j));
                }

                _walkDay = day;
            }

            var fraction = (double)minutes / MinutesPerDay;
            return _walk[minutes] - (fraction * (_walk[MinutesPerDay] - DailyMove(day)));
        }
    }
}
