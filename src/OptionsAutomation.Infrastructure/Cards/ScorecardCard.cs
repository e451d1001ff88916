using System.Globalization;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;
using SkiaSharp;

namespace OptionsAutomation.Infrastructure.Cards;

/// <summary>
/// The daily scorecard as an 800×450 PNG drawn with SkiaSharp (its no-dependencies Linux build: no system packages,
/// no fonts looked up): the day's realized P&amp;L, trades closed, win rate to date, open risk, the day's trades (the
/// first <see cref="ListedTrades"/>) and a sparkline of the equity curve. Only figures from <see cref="DailyScorecard"/>.
/// </summary>
public sealed class ScorecardCard : IScorecardCard
{
    public const int Width = 800;
    public const int Height = 450;
    private const int ListedTrades = 5;

    private static readonly SKColor Background = new(0x16, 0x1B, 0x22);
    private static readonly SKColor Panel = new(0x21, 0x28, 0x31);
    private static readonly SKColor Ink = new(0xE6, 0xED, 0xF3);
    private static readonly SKColor Muted = new(0x8B, 0x94, 0x9E);
    private static readonly SKColor Gain = new(0x3F, 0xB9, 0x50);
    private static readonly SKColor Loss = new(0xF8, 0x51, 0x49);

    public byte[] Png(DailyScorecard scorecard)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(Background);
        Header(canvas, scorecard);
        Figures(canvas, scorecard);
        Trades(canvas, scorecard.ClosedToday);
        Sparkline(canvas, scorecard.Equity, new SKRect(430, 250, 780, 430));
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void Header(SKCanvas canvas, DailyScorecard scorecard)
    {
        Text(canvas, "Daily scorecard", 24, 44, 26, Ink, bold: true);
        Text(canvas, scorecard.Date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture), 776, 44, 18, Muted, align: SKTextAlign.Right);
    }

    private static void Figures(SKCanvas canvas, DailyScorecard scorecard)
    {
        var boxes = new (string Label, string Value, SKColor Colour, string[] Notes)[]
        {
            ("Realized P&L", MoneyText.Signed(scorecard.RealizedPnl), Tone(scorecard.RealizedPnl), [$"{scorecard.ClosedToday.Count} trade(s) closed"]),
            ("Win rate to date", scorecard.ToDate.WinRate is { } rate ? string.Create(CultureInfo.InvariantCulture, $"{rate:0.#}%") : "—", Ink,
                [$"of {scorecard.ToDate.Trades} trade(s)", $"total {MoneyText.Signed(scorecard.ToDate.TotalPnl)}"]),
            ("Open risk (max loss)", MoneyText.Dollars(scorecard.OpenMaxLoss), Ink,
                [$"{scorecard.Open.Count} open{(scorecard.Unmarked > 0 ? $", {scorecard.Unmarked} unmarked" : "")}", $"unrealized {MoneyText.Signed(scorecard.UnrealizedPnl)}"]),
        };
        for (var i = 0; i < boxes.Length; i++)
        {
            var left = 24 + (i * 254);
            using var panel = new SKPaint { Color = Panel, IsAntialias = true };
            canvas.DrawRoundRect(new SKRect(left, 70, left + 240, 220), 10, 10, panel);
            Text(canvas, boxes[i].Label, left + 16, 100, 15, Muted);
            Text(canvas, boxes[i].Value, left + 16, 148, 34, boxes[i].Colour, bold: true);
            for (var line = 0; line < boxes[i].Notes.Length; line++)
            {
                Text(canvas, boxes[i].Notes[line], left + 16, 180 + (line * 20), 13, Muted);
            }
        }
    }

    private static void Trades(SKCanvas canvas, IReadOnlyList<TradeRecord> trades)
    {
        Text(canvas, "Closed today", 24, 268, 15, Muted);
        if (trades.Count == 0)
        {
            Text(canvas, "No trades closed", 24, 298, 16, Ink);
            return;
        }

        var y = 298f;
        foreach (var trade in trades.Take(ListedTrades))
        {
            Text(canvas, $"#{trade.PositionId} {trade.Ticker} {trade.StrategyType.ToCode()} {trade.ExitReason.ToCode()}", 24, y, 16, Ink);
            Text(canvas, MoneyText.Signed(trade.PnlRealized), 400, y, 16, Tone(trade.PnlRealized), bold: true, align: SKTextAlign.Right);
            y += 26;
        }

        if (trades.Count > ListedTrades)
        {
            Text(canvas, $"+{trades.Count - ListedTrades} more", 24, y, 14, Muted);
        }
    }

    private static void Sparkline(SKCanvas canvas, IReadOnlyList<EquityPoint> equity, SKRect area)
    {
        Text(canvas, $"Equity, last {equity.Count} session(s)", area.Left, area.Top + 18, 15, Muted);
        if (equity.Count == 0)
        {
            return;
        }

        Text(canvas, MoneyText.Dollars(equity[^1].Equity), area.Right, area.Top + 18, 15, Ink, bold: true, align: SKTextAlign.Right);
        var plot = new SKRect(area.Left, area.Top + 34, area.Right, area.Bottom);
        var low = equity.Min(p => p.Equity);
        var high = equity.Max(p => p.Equity);
        // Pixel positions only: doubles are enough for drawing, money stays decimal everywhere else.
        var span = (double)(high - low);
        var points = equity.Select((p, i) => new SKPoint(
            plot.Left + (equity.Count == 1 ? plot.Width / 2 : (float)(i * plot.Width / (equity.Count - 1))),
            plot.Bottom - (span == 0 ? plot.Height / 2 : (float)((double)(p.Equity - low) / span * plot.Height)))).ToArray();
        using var path = new SKPath();
        path.AddPoly(points, close: false);
        // Green or red by the change over the window: from the equity before its first day to the last.
        using var line = new SKPaint
        {
            Color = Tone(equity[^1].Equity - (equity[0].Equity - equity[0].Pnl)), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2.5f,
            StrokeJoin = SKStrokeJoin.Round, StrokeCap = SKStrokeCap.Round,
        };
        canvas.DrawPath(path, line);
        using var dot = new SKPaint { Color = line.Color, IsAntialias = true };
        canvas.DrawCircle(points[^1], 4, dot);
    }

    private static SKColor Tone(decimal amount) => amount < 0 ? Loss : amount > 0 ? Gain : Ink;

    private static void Text(SKCanvas canvas, string text, float x, float y, float size, SKColor colour, bool bold = false, SKTextAlign align = SKTextAlign.Left)
    {
        using var font = CardFont.Of(size, bold);
        using var paint = new SKPaint { Color = colour, IsAntialias = true };
        canvas.DrawText(text, x, y, align, font, paint);
    }
}
