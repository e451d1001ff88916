using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Tests.Support;

/// <summary>
/// Option quotes for mark and exit tests. The default session: quotes at Monday 2026-02-23 10:00 New York,
/// evaluated one minute later; the default position (expiring 2026-03-20) is then 25 days from expiry.
/// </summary>
internal static class TestQuotes
{
    /// <summary>Monday 2026-02-23 10:00 in New York.</summary>
    public static readonly DateTimeOffset QuotedAt = TestDates.Utc(2026, 2, 23, 15);

    /// <summary>One minute after <see cref="QuotedAt"/>: quotes taken then are fresh.</summary>
    public static readonly DateTimeOffset Now = QuotedAt.AddMinutes(1);

    /// <summary>The New York date of <see cref="Now"/>: 25 calendar days before 2026-03-20.</summary>
    public static readonly DateOnly Today = new(2026, 2, 23);

    public static OptionQuote Quote(OptionContract contract, decimal? bid, decimal? ask, DateTimeOffset? at = null) =>
        new(contract, bid, ask, null, at ?? QuotedAt, 590m, 0.18, -0.25, 1_000);

    /// <summary>A tight two-sided quote (bid and ask one cent either side of <paramref name="mid"/>).</summary>
    public static OptionQuote AtMid(OptionContract contract, decimal mid, DateTimeOffset? at = null) =>
        Quote(contract, mid - 0.01m, mid + 0.01m, at);

    /// <summary>One tight quote per leg of <paramref name="position"/>, in leg order.</summary>
    public static IReadOnlyList<OptionQuote?> AtMids(Position position, params decimal[] mids)
    {
        if (mids.Length != position.Legs.Count)
        {
            throw new ArgumentException($"give one mid per leg ({position.Legs.Count}).", nameof(mids));
        }

        return [.. position.Legs.Select((leg, i) => (OptionQuote?)AtMid(leg.Contract, mids[i]))];
    }
}
