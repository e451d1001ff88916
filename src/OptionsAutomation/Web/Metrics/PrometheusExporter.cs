using System.Diagnostics.Metrics;
using System.Text;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Web.Metrics;

/// <summary>
/// Our own Prometheus exporter (no OpenTelemetry package is available here): a <see cref="MeterListener"/> on this
/// application's Meter only — by reference, so two applications in one process (tests) never mix — that keeps
/// counter sums, last gauge values and histogram buckets per tag set, and renders them on each scrape.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    private static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly AppMetrics _metrics;
    private readonly OperationalCountsReader _counts;
    private readonly MeterListener _listener = new();
    private readonly Dictionary<Instrument, InstrumentSeries> _series = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _scrape = new(1, 1);

    public PrometheusExporter(AppMetrics metrics, OperationalCountsReader counts)
    {
        (_metrics, _counts) = (metrics, counts);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter))
            {
                lock (_gate)
                {
                    _series[instrument] = InstrumentSeries.For(instrument, DefaultBuckets);
                }

                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<decimal>((i, v, tags, _) => Record(i, (double)v, tags));
        _listener.Start();
    }

    /// <summary>Refreshes the database figures, collects the observable instruments and renders every family.</summary>
    public async Task<string> ScrapeAsync(CancellationToken cancellationToken)
    {
        // One scrape at a time: observable series are cleared and refilled as a whole.
        await _scrape.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _metrics.Observe(await _counts.ReadAsync(cancellationToken).ConfigureAwait(false));
            lock (_gate)
            {
                foreach (var series in _series.Values.Where(s => s.Observable))
                {
                    series.Clear();
                }
            }

            _listener.RecordObservableInstruments();
            var text = new StringBuilder();
            lock (_gate)
            {
                foreach (var series in _series.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
                {
                    series.Render(text);
                }
            }

            return text.ToString();
        }
        finally
        {
            _scrape.Release();
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        _scrape.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        lock (_gate)
        {
            if (_series.TryGetValue(instrument, out var series))
            {
                series.Record(labels, value);
            }
        }
    }

    /// <summary>Tags sorted by key, so one tag set is one series whatever order the caller gave them in.</summary>
    private static LabelSet Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var pairs = new KeyValuePair<string, string>[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            pairs[i] = new KeyValuePair<string, string>(tags[i].Key, Convert.ToString(tags[i].Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }

        Array.Sort(pairs, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new LabelSet(pairs);
    }
}
