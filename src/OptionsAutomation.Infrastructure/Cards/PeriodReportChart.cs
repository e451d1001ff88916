using System.Globalization;
using OptionsAutomation.Core.Analytics.Periods;
using ScottPlot;
using SkiaSharp;

namespace OptionsAutomation.Infrastructure.Cards;

/// <summary>
/// The report's chart for the chat, an 800×450 PNG drawn with ScottPlot 5 (on the cards' SkiaSharp, in the cards'
/// embedded font, <see cref="CardFont"/>): the account's equity at the close before the period and at each session,
/// against SPY bought and held with the same opening equity. Sessions are evenly spaced and labelled with their dates,
/// so a weekend or holiday is no gap in the line.
/// </summary>
public sealed class PeriodReportChart : IPeriodReportChart
{
    public const int Width = 800;
    public const int Height = 450;

    /// <summary>At most this many date labels on the axis: a month's 22 sessions would crowd it.</summary>
    private const int MaxLabels = 8;

    private static readonly Color Background = Color.FromHex("#161B22");
    private static readonly Color Panel = Color.FromHex("#212831");
    private static readonly Color Ink = Color.FromHex("#E6EDF3");
    private static readonly Color Muted = Color.FromHex("#8B949E");
    private static readonly Color Grid = Color.FromHex("#30363D");
    private static readonly Color Account = Color.FromHex("#58A6FF");

    /// <summary>
    /// ScottPlot's font resolvers are process-wide and asked in order, its system-font one first: the cards' one goes in
    /// front, once, on the first chart.
    /// </summary>
    private static readonly Lazy<IFontResolver> Resolver = new(() =>
    {
        var resolver = new CardFontResolver();
        Fonts.FontResolvers.Insert(0, resolver);
        return resolver;
    });

    public byte[] Png(PeriodReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var curve = report.Performance.EquityCurve;
        var dates = new List<DateOnly>();
        var equity = new List<double>();
        if (curve.OpeningDate is { } opening)
        {
            dates.Add(opening);
            equity.Add((double)curve.OpeningEquity);
        }

        foreach (var day in curve.Days)
        {
            dates.Add(day.Date);
            equity.Add((double)day.Equity);
        }

        _ = Resolver.Value;
        var plot = new Plot();
        Style(plot);
        plot.Title(PeriodReportText.Title(report.Period));
        plot.YLabel("Equity ($)");
        var xs = Enumerable.Range(0, dates.Count).Select(i => (double)i).ToArray();
        if (xs.Length > 0)
        {
            var account = plot.Add.Scatter(xs, equity.ToArray());
            account.LegendText = "Account";
            account.Color = Account;
            account.LineWidth = 2.5f;
            account.MarkerSize = 5;
        }

        if (report.Benchmark is { } spy)
        {
            var byDate = spy.Days.ToDictionary(d => d.Date, d => (double)d.Equity);
            byDate[spy.EntryDate] = (double)curve.OpeningEquity;
            var points = dates.Select((d, i) => (X: (double)i, Found: byDate.TryGetValue(d, out var v), Value: v)).Where(p => p.Found).ToArray();
            var hold = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Value).ToArray());
            hold.LegendText = $"{spy.Symbol} buy and hold";
            hold.Color = Muted;
            hold.LinePattern = LinePattern.Dashed;
            hold.LineWidth = 1.5f;
            hold.MarkerSize = 0;
        }

        var step = Math.Max(1, (int)Math.Ceiling(dates.Count / (double)MaxLabels));
        var ticks = xs.Where((_, i) => i % step == 0).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            ticks, [.. ticks.Select(t => dates[(int)t].ToString("MMM d", CultureInfo.InvariantCulture))]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("$#,##0", CultureInfo.InvariantCulture) };
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static void Style(Plot plot)
    {
        plot.FigureBackground.Color = Background;
        plot.DataBackground.Color = Panel;
        plot.Axes.Color(Muted);
        plot.Axes.Title.Label.ForeColor = Ink;
        plot.Grid.MajorLineColor = Grid;
        plot.Legend.BackgroundColor = Panel;
        plot.Legend.FontColor = Ink;
        plot.Legend.OutlineColor = Grid;
    }

    /// <summary>Every font ScottPlot asks for is the cards' one: no system font is looked up, so the chart is the same everywhere.</summary>
    private sealed class CardFontResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => CardFont.Typeface;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) => CardFont.Typeface;
    }
}
