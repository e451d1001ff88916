using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OptionsAutomation.Infrastructure.Postgres;
using Prometheus;

namespace OptionsAutomation.Web.Metrics;

/// <summary>
/// Serves our Meter through prometheus-net. prometheus-net's own MeterAdapter is not used: it prefixes every name with
/// the meter's, exposes counters as gauges and expires quiet series, which would rename what dashboards query. So a
/// <see cref="MeterListener"/> on this application's Meter only — by reference, so two applications in one process
/// (tests) never mix — feeds a private prometheus-net registry, which keeps the series and writes the text format.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    private static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly AppMetrics _metrics;
    private readonly OperationalCountsReader _counts;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, PrometheusFamily> _families = new();
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly CollectorRegistry _registry = Prometheus.Metrics.NewCustomRegistry();

    public PrometheusExporter(AppMetrics metrics, OperationalCountsReader counts)
    {
        (_metrics, _counts) = (metrics, counts);
        var factory = Prometheus.Metrics.WithCustomRegistry(_registry);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter))
            {
                _families[instrument] = new PrometheusFamily(instrument, factory, DefaultBuckets);
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<decimal>((i, v, tags, _) => Record(i, (double)v, tags));
        _listener.Start();
    }

    /// <summary>
    /// Refreshes the database figures and collects the observable instruments, then writes every family in the
    /// Prometheus text format. A database failure throws before anything is written, so the scrape fails rather than
    /// serving stale figures.
    /// </summary>
    public async Task WriteAsync(Stream body, CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _metrics.Observe(await _counts.ReadAsync(cancellationToken).ConfigureAwait(false));
            _listener.RecordObservableInstruments();
        }
        finally
        {
            _refresh.Release();
        }

        await _registry.CollectAndExportAsTextAsync(body, ExpositionFormat.PrometheusText, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _refresh.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_families.TryGetValue(instrument, out var family))
        {
            family.Record(value, tags);
        }
    }
}
