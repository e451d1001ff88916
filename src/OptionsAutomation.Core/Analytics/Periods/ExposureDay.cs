using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Analytics.Periods;

/// <summary>
/// What was at risk at one session's close: the positions open then, their collateral and their max loss, as stored on
/// each position (<c>positions.collateral</c>, <c>max_loss</c>). A position counts from its entry to its exit: open at a
/// close it was entered at or before and not exited by. A partly closed position counts with what it holds now (its row
/// keeps no history of quantities), so a day before a partial close shows less than was at risk then.
/// </summary>
public sealed record ExposureDay(DateOnly Date, int Positions, decimal Collateral, decimal MaxLoss)
{
    public static IReadOnlyList<ExposureDay> Of(IReadOnlyList<TradingSession> sessions, IReadOnlyList<Position> positions) =>
    [
        .. sessions.Select(session =>
        {
            var open = positions.Where(p => p.WasOpenAt(session.Close)).ToArray();
            return new ExposureDay(session.Date, open.Length, open.Sum(p => p.Collateral), open.Sum(p => p.MaxLoss));
        }),
    ];
}
