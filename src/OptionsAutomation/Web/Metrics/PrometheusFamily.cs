using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Prometheus;

namespace OptionsAutomation.Web.Metrics;

/// <summary>
/// One instrument of our Meter as a prometheus-net collector, under the family name our dashboards already use. The
/// collector is created on the first measurement: only a measurement names the instrument's tags, and prometheus-net
/// needs the label names up front.
/// </summary>
internal sealed class PrometheusFamily
{
    private readonly Instrument _instrument;
    private readonly MetricFactory _factory;
    private readonly double[] _defaultBuckets;
    private readonly Kind _kind;
    private readonly string _name;
    private readonly Lock _gate = new();
    private Collector? _collector;

    public PrometheusFamily(Instrument instrument, MetricFactory factory, double[] defaultBuckets)
    {
        (_instrument, _factory, _defaultBuckets) = (instrument, factory, defaultBuckets);
        var type = instrument.GetType().GetGenericTypeDefinition();
        _kind = type == typeof(Counter<>) ? Kind.Add
            : type == typeof(ObservableCounter<>) ? Kind.Total
            : type == typeof(UpDownCounter<>) ? Kind.Move
            : type == typeof(Histogram<>) ? Kind.Observe
            : Kind.Set;
        _name = FamilyName(instrument.Name, instrument.Unit, _kind is Kind.Add or Kind.Total);
    }

    private enum Kind
    {
        /// <summary>A counter's measurement is an increment.</summary>
        Add,

        /// <summary>An observable counter's measurement is the running total.</summary>
        Total,

        /// <summary>An up-down counter's measurement is a change of a gauge.</summary>
        Move,

        /// <summary>A gauge's (or an observable up-down counter's) measurement is its value.</summary>
        Set,

        /// <summary>A histogram's measurement is one observation.</summary>
        Observe,
    }

    /// <summary>
    /// The Prometheus family name: dots to underscores, a unit suffix for seconds and dollars, <c>_total</c> for
    /// counters, as Prometheus' naming conventions ask.
    /// </summary>
    public static string FamilyName(string instrument, string? unit, bool counter)
    {
        var name = new StringBuilder(instrument.Length + 16);
        foreach (var c in instrument)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_');
        }

        name.Append(unit switch { "s" => "_seconds", "USD" => "_dollars", _ => "" });
        return counter ? name.Append("_total").ToString() : name.ToString();
    }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        // Tags sorted by key, so one tag set is one series whatever order the caller gave them in.
        var pairs = new KeyValuePair<string, string>[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            pairs[i] = new(tags[i].Key, Convert.ToString(tags[i].Value, CultureInfo.InvariantCulture) ?? "");
        }

        Array.Sort(pairs, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var values = Array.ConvertAll(pairs, p => p.Value);
        switch (CollectorFor(Array.ConvertAll(pairs, p => p.Key)))
        {
            // The audit trail behind our observable counters is append-only, so a total never goes back.
            case Counter counter when _kind == Kind.Total:
                counter.WithLabels(values).IncTo(value);
                break;
            case Counter counter:
                counter.WithLabels(values).Inc(value);
                break;
            case Gauge gauge when _kind == Kind.Move:
                gauge.WithLabels(values).Inc(value);
                break;
            case Gauge gauge:
                gauge.WithLabels(values).Set(value);
                break;
            case Histogram histogram:
                histogram.WithLabels(values).Observe(value);
                break;
        }
    }

    private Collector CollectorFor(string[] labelNames)
    {
        lock (_gate)
        {
            _collector ??= Create(labelNames);
        }

        // One instrument, one label set: a call site that tags differently is a bug, not a new series.
        return _collector.LabelNames.SequenceEqual(labelNames, StringComparer.Ordinal)
            ? _collector
            : throw new InvalidOperationException($"Instrument {_instrument.Name} measured with tags [{string.Join(',', labelNames)}], earlier with [{string.Join(',', _collector.LabelNames)}].");
    }

    private Collector Create(string[] labelNames)
    {
        var help = _instrument.Description ?? "";
        return _kind switch
        {
            Kind.Add or Kind.Total => _factory.CreateCounter(_name, help, labelNames),
            Kind.Observe => _factory.CreateHistogram(_name, help, labelNames, new HistogramConfiguration
            {
                Buckets = (_instrument as Instrument<double>)?.Advice?.HistogramBucketBoundaries?.ToArray() ?? _defaultBuckets,
            }),
            _ => _factory.CreateGauge(_name, help, labelNames),
        };
    }
}
