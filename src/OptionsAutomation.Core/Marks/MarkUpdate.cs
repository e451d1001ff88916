using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Marks;

/// <summary>
/// What one mark changes on a position. A fresh mark moves the price, unrealized P&amp;L, the excursions
/// and the stop-breach count; a stale or unusable one only flags the position and keeps the last good values.
/// <see cref="Quantity"/> is the open quantity it was computed for: a partial close in between makes it stale.
/// </summary>
public sealed record MarkUpdate(
    long PositionId,
    MarkQuality Quality,
    string? Problem,
    decimal? MarkPrice,
    DateTimeOffset? MarkedAt,
    decimal? UnrealizedPnl,
    decimal? Mae,
    decimal? Mfe,
    int StopBreaches,
    PositionGreeks? Greeks,
    int Quantity)
{
    public static MarkUpdate For(Position position, PositionMark mark, PositionGreeks? greeks)
    {
        if (!mark.IsFresh || mark.Price is not { } price)
        {
            return new MarkUpdate(position.PositionId, mark.Quality, mark.Problem, position.MarkPrice, position.MarkedAt,
                position.UnrealizedPnl, position.Mae, position.Mfe, position.StopBreaches, position.Greeks(), position.Quantity);
        }

        var pnl = position.PnlAt(price);
        var breaches = -pnl >= position.StopLoss ? position.StopBreaches + 1 : 0;
        return new MarkUpdate(position.PositionId, MarkQuality.Fresh, null, price, mark.QuotedAt, pnl,
            Math.Min(position.Mae ?? pnl, pnl), Math.Max(position.Mfe ?? pnl, pnl), breaches, greeks ?? position.Greeks(), position.Quantity);
    }

    public Position ApplyTo(Position position, DateTimeOffset now) => position with
    {
        MarkStatus = Quality,
        MarkProblem = Problem,
        MarkPrice = MarkPrice,
        MarkedAt = MarkedAt,
        UnrealizedPnl = UnrealizedPnl,
        Mae = Mae,
        Mfe = Mfe,
        StopBreaches = StopBreaches,
        Delta = Greeks?.Delta,
        Gamma = Greeks?.Gamma,
        Theta = Greeks?.Theta,
        Vega = Greeks?.Vega,
        LastUpdated = now,
    };
}
