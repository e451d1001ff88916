using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Core.Brief;

/// <summary>
/// The session ahead in one message, before the open: the market (each traded underlying's previous close and move
/// since, the VIX and its IV rank), the open positions and the exit rules they are near, today's expirations, what the
/// screener will look at, and the risk limits in use. Each section fails on its own: what could not be read is named
/// in <see cref="Problems"/> (and its section left empty) rather than keeping the brief from going out.
/// </summary>
public sealed record MorningBrief(
    DateOnly Date,
    DateTimeOffset AsOf,
    IReadOnlyList<UnderlyingMove> Underlyings,
    VixReading? Vix,
    IReadOnlyList<OpenPositionBrief> Open,
    IReadOnlyList<OpenPositionBrief> ExpiringToday,
    ScreenerPlan? Screener,
    IReadOnlyList<LimitReading> Limits,
    IReadOnlyList<string> Problems)
{
    /// <summary>Outbox kind (and <c>Telegram:Notifications</c> key) of the brief.</summary>
    public const string Kind = "morning_brief";

    /// <summary>Sum over the positions that have a mark.</summary>
    public decimal UnrealizedPnl => Open.Sum(p => p.UnrealizedPnl ?? 0m);

    /// <summary>One brief per day: the dedup key is the date, so a second run of the job sends nothing new.</summary>
    public Alert ToAlert() => new($"morning-brief:{Date:yyyy-MM-dd}", Kind, MorningBriefText.Of(this), null, null);
}
