using System.Diagnostics;
using System.Diagnostics.Metrics;
using OptionsAutomation.Core.Proposals.Sizing;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Web.Metrics;

/// <summary>
/// The application's instruments on the Meter "OptionsAutomation". Job runs are counted as they happen in this
/// process; the gauges and the order and denial counters observe the latest <see cref="OperationalCounts"/>, which the
/// exporter refreshes from Postgres before each scrape, so every worker of a cluster reports the same totals.
/// </summary>
internal sealed class AppMetrics
{
    public const string MeterName = "OptionsAutomation";

    private readonly Counter<long> _jobRuns;
    private readonly Histogram<double> _jobDuration;
    private readonly Histogram<double> _sizingContracts;
    private readonly Histogram<double> _sizingEquityFraction;
    private volatile OperationalCounts _counts = OperationalCounts.Empty;
    private volatile MlReading? _ml;

    public AppMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        Meter.CreateObservableGauge("optauto.positions.open", () => _counts.OpenPositions, "{position}", "Open positions");
        Meter.CreateObservableGauge("optauto.pnl.realized", () => _counts.RealizedPnl, "USD", "Realized P&L of every closed trade, after fees");
        Meter.CreateObservableGauge("optauto.pnl.unrealized", () => _counts.UnrealizedPnl, "USD", "Unrealized P&L of the open positions at their last marks");
        Meter.CreateObservableGauge("optauto.alerts.pending", () => _counts.AlertBacklog, "{alert}", "Alerts in the outbox not yet delivered");
        Meter.CreateObservableCounter("optauto.orders", () => Tagged(_counts.Orders, "status"), "{order}", "Order status changes by status (audit trail)");
        Meter.CreateObservableCounter("optauto.risk.denials", () => Tagged(_counts.RiskDenials, "code"), "{denial}", "Risk gate denials by code (audit trail)");
        Meter.CreateObservableCounter("optauto.lot.changes", () => Tagged(_counts.LotChanges, "kind"), "{change}",
            "Lot changes by kind: scale_in (a lot added to a position), scale_out (part of a position closed at its first target)");
        Meter.CreateObservableCounter("optauto.adjustments", () => _counts.Adjustments.Select(a => new Measurement<long>(a.Count,
            new KeyValuePair<string, object?>("kind", a.Kind.ToLowerInvariant()), new KeyValuePair<string, object?>("outcome", a.Outcome))),
            "{adjustment}", "Adjustment recommendations by kind and outcome (audit trail)");
        _jobRuns = Meter.CreateCounter<long>("optauto.job.runs", "{run}", "Scheduled job runs in this process by job and outcome");
        _jobDuration = Meter.CreateHistogram("optauto.job.duration", "s", "Scheduled job run time in this process", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] });
        // A double histogram, like the others: the exporter reads bucket advice from double instruments only.
        _sizingContracts = Meter.CreateHistogram("optauto.sizing.contracts", "{contract}", "Contracts each sizing in this process gave, by strategy", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0, 1, 2, 3, 5, 10, 20, 50, 100] });
        // Shares of equity a trade commits: 2% is the VPC default, 50% the CSP default's ceiling.
        _sizingEquityFraction = Meter.CreateHistogram("optauto.sizing.equity_fraction", "1", "Share of equity each sizing in this process committed, by strategy", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1] });
        // The ml sizing's model as of its last sizing in this process (no series before one): how old and how good it
        // is, and what it last predicted and multiplied by. Labelled with the model's version.
        Meter.CreateObservableGauge("optauto.sizing.model_age_days", () => MlGauge(r => r.AgeDays), "d", "Age of the ml sizing's model at its last sizing");
        Meter.CreateObservableGauge("optauto.sizing.model_score", () => MlGauge(r => r.Score), "1", "The ml sizing model's pooled out-of-sample Spearman rank correlation");
        Meter.CreateObservableGauge("optauto.sizing.model_prediction", () => MlGauge(r => r.Prediction), "1", "The ml sizing model's last predicted return on risk");
        Meter.CreateObservableGauge("optauto.sizing.model_multiplier", () => MlGauge(r => r.Multiplier), "1", "The ml sizing's last multiplier of the fixed budget");
    }

    public Meter Meter { get; }

    public void Observe(OperationalCounts counts) => _counts = counts;

    public void JobRan(string job, TimeSpan duration, bool succeeded)
    {
        var jobTag = new KeyValuePair<string, object?>("job", job);
        _jobRuns.Add(1, jobTag, new KeyValuePair<string, object?>("outcome", succeeded ? "success" : "failure"));
        _jobDuration.Record(duration.TotalSeconds, jobTag);
    }

    /// <summary>
    /// One sizing: tagged by the strategy that sized it and the one that was asked for (they differ on a fallback to
    /// fixed), so a dashboard sees how often each strategy could not judge its trade.
    /// </summary>
    public void Sized(PositionSizingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var tags = new TagList
        {
            { "strategy", result.Strategy },
            { "requested", result.Fallback?.From ?? result.Strategy },
        };
        _sizingContracts.Record(result.Contracts, tags);
        _sizingEquityFraction.Record((double)result.FractionOfEquity, tags);
        if (result.Strategy == SizingStrategies.Ml)
        {
            _ml = new MlReading(result.Value("model_version"), (double)result.Value("model_age_days"), (double)result.Value("model_score"),
                (double)result.Value("predicted_return_on_risk"), (double)result.Value("multiplier"));
        }
    }

    private IEnumerable<Measurement<double>> MlGauge(Func<MlReading, double> value) =>
        _ml is { } reading ? [new Measurement<double>(value(reading), new KeyValuePair<string, object?>("version", (int)reading.Version))] : [];

    private sealed record MlReading(decimal Version, double AgeDays, double Score, double Prediction, double Multiplier);

    private static IEnumerable<Measurement<long>> Tagged(IReadOnlyList<EventCount> counts, string tag) =>
        counts.Select(c => new Measurement<long>(c.Count, new KeyValuePair<string, object?>(tag, c.Key)));
}
