-- Daily P&L and overall performance over closed trades.
-- A trade belongs to the America/New_York date on which it closed; win_rate is a percentage.
-- A break-even trade counts as a LOSS (WIN needs realized P&L after fees above zero).

CREATE VIEW v_daily_pnl AS
SELECT
    (closed_at AT TIME ZONE 'America/New_York')::date                       AS trade_date,
    ticker,
    count(*)                                                                 AS trades_count,
    count(*) FILTER (WHERE win_loss = 'WIN')                                 AS wins,
    count(*) FILTER (WHERE win_loss = 'LOSS')                                AS losses,
    round(100.0 * count(*) FILTER (WHERE win_loss = 'WIN') / count(*), 2)    AS win_rate,
    sum(pnl_realized)                                                        AS total_pnl,
    round(avg(pnl_realized), 2)                                              AS avg_pnl
FROM trade_history
GROUP BY 1, 2;

-- max_loss is the worst losing trade's P&L (zero or negative; 0 when nothing lost),
-- max_win the best winning trade's; pnl_stddev is the sample standard deviation (NULL below two trades).
CREATE VIEW v_performance_metrics AS
SELECT
    count(*)                                                                 AS total_trades,
    count(*) FILTER (WHERE win_loss = 'WIN')                                 AS total_wins,
    count(*) FILTER (WHERE win_loss = 'LOSS')                                AS total_losses,
    coalesce(round(100.0 * count(*) FILTER (WHERE win_loss = 'WIN') / nullif(count(*), 0), 2), 0) AS win_rate,
    coalesce(sum(pnl_realized), 0)                                           AS total_pnl,
    coalesce(round(avg(pnl_realized), 2), 0)                                 AS avg_pnl_per_trade,
    coalesce(min(pnl_realized) FILTER (WHERE win_loss = 'LOSS'), 0)          AS max_loss,
    coalesce(max(pnl_realized) FILTER (WHERE win_loss = 'WIN'), 0)           AS max_win,
    round(stddev_samp(pnl_realized), 2)                                      AS pnl_stddev
FROM trade_history;
