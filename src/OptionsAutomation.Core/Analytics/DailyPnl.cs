namespace OptionsAutomation.Core.Analytics;

/// <summary>A row of <c>v_daily_pnl</c>: closed trades of one ticker on one New York date.</summary>
public sealed record DailyPnl(
    DateOnly TradeDate,
    string Ticker,
    long TradesCount,
    long Wins,
    long Losses,
    decimal WinRate,
    decimal TotalPnl,
    decimal AvgPnl);
