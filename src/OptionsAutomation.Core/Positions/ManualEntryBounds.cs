using OptionsAutomation.Core.Calendar;

namespace OptionsAutomation.Core.Positions;

/// <summary>
/// What a position recorded by hand may look like. A typed trade skips the sizing and the risk gate that a proposal
/// passes, so a slip of the keyboard (1000000 contracts, an expiration in 9999) would be booked as real; these bounds
/// refuse what no real trade of this account looks like. Approved proposals are sized and gated before their order
/// fills and are not checked again here: a fill the broker has made is recorded whatever its size.
/// </summary>
public static class ManualEntryBounds
{
    /// <summary>Every problem with the request against the bounds, each naming the setting that allows more; empty when within them.</summary>
    /// <param name="maxContracts"><c>Risk:MaxPositionContracts</c>, the most contracts one position may hold.</param>
    /// <param name="maxExpirationYears"><c>Positions:MaxExpirationYears</c>, how far after the open date an expiration may lie.</param>
    public static IReadOnlyList<string> Problems(OpenPositionRequest request, int maxContracts, int maxExpirationYears, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>();
        if (request.Quantity > maxContracts)
        {
            problems.Add(
                $"quantity {request.Quantity} is above Risk:MaxPositionContracts ({maxContracts}), the most contracts one position may hold; " +
                "if the trade is real, raise the setting (e.g. --Risk:MaxPositionContracts=" + request.Quantity + ").");
        }

        var openedAt = (request.OpenedAt ?? now).ToUniversalTime();
        if (!NyseCalendar.Covers(openedAt.Year))
        {
            problems.Add($"opened-at {openedAt:yyyy-MM-dd} is outside the years the NYSE calendar covers ({NyseCalendar.FirstYear} to {NyseCalendar.LastYear}).");
            return problems;
        }

        var latest = MarketTime.DateOf(openedAt).AddYears(maxExpirationYears);
        if (request.Expiration > latest)
        {
            problems.Add(
                $"expiration {request.Expiration:yyyy-MM-dd} is more than Positions:MaxExpirationYears ({maxExpirationYears}) years after the open date; " +
                $"the latest accepted is {latest:yyyy-MM-dd}.");
        }

        return problems;
    }
}
