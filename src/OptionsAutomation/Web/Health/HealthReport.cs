using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Web.Health;

/// <summary>
/// <c>GET /health</c>. <see cref="Status"/> is <c>healthy</c>, <c>degraded</c> (the scheduler is not running, or a
/// watchlist quote is stale, or an order is stuck: answered 200, the service still serves) or <c>unhealthy</c> (no database: 503).
/// </summary>
internal sealed record HealthReport(string Status, DateTimeOffset CheckedAt, HealthChecks Checks);

internal sealed record HealthChecks(DatabaseHealth Database, SchedulerHealth Scheduler, TelegramHealth Telegram, DataFreshness DataFreshness, OrdersHealth Orders);

/// <summary>
/// <c>ok</c>; <c>stuck</c> when an order has been working longer than the fill timeout plus two recovery runs — recovery
/// could not finish it (the broker does not answer?) and a person should look (<see cref="Stuck"/> lists them);
/// <c>unavailable</c> when they could not be read.
/// </summary>
internal sealed record OrdersHealth(string Status, int Working, IReadOnlyList<string> Stuck, string? Detail = null);

/// <summary><c>ok</c> or <c>down</c>, from a <c>SELECT 1</c>; <see cref="Detail"/> says why it is down.</summary>
internal sealed record DatabaseHealth(string Status, double DurationMs, string? Detail);

/// <summary>
/// <c>running</c>, <c>standby</c> (built, not started), <c>stopped</c> or <c>unknown</c> (the job store could not be
/// read); each job's trigger times (<c>last_fired</c> null until it has fired).
/// </summary>
internal sealed record SchedulerHealth(string Status, string? SchedulerName, bool Clustered, IReadOnlyList<JobRun> Jobs, string? Detail);

/// <summary>Whether the bot runs, and with what (never the token or the callback secret).</summary>
/// <summary>disabled (no token), starting (no poll yet), ok, or failing (the last poll or connect failed — Telegram down at start-up included: see last_error).</summary>
internal sealed record TelegramHealth(
    string Status, string? Bot, long? ChatId, int Approvers, int LongPollSeconds, DateTimeOffset? LastPollAt, string? LastError, DateTimeOffset? LastErrorAt);

/// <summary><c>ok</c>, or <c>stale</c> when a watchlist ticker's last quote is older than <c>Risk:MaxQuoteAgeMinutes</c> (or missing).</summary>
internal sealed record DataFreshness(string Status, int MaxAgeMinutes, IReadOnlyList<TickerFreshness> Tickers, string? Detail = null);

/// <summary>The last quote of an underlying at or before now; <see cref="AgeSeconds"/> null when there is none.</summary>
internal sealed record TickerFreshness(string Ticker, DateTimeOffset? QuoteAt, decimal? Last, double? AgeSeconds, bool Stale);
