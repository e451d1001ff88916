using System.Diagnostics.Metrics;
using System.Text;

namespace OptionsAutomation.Web.Metrics;

/// <summary>
/// What one instrument has measured, per label set, kept the way Prometheus reads it: a counter's running sum, an
/// observable counter's or a gauge's latest value, a histogram's cumulative buckets with sum and count.
/// </summary>
internal sealed class InstrumentSeries
{
    private readonly Kind _kind;
    private readonly bool _counter;
    private readonly string? _help;
    private readonly double[] _bounds;
    private readonly Dictionary<LabelSet, double> _values = [];
    private readonly Dictionary<LabelSet, Histogram> _histograms = [];

    private InstrumentSeries(string name, Kind kind, bool counter, bool observable, string? help, double[] bounds)
    {
        (Name, _kind, _counter, Observable, _help, _bounds) = (name, kind, counter, observable, help, bounds);
    }

    private enum Kind
    {
        Sum,
        Last,
        Histogram,
    }

    public string Name { get; }

    /// <summary>Measured only when collected: cleared before each collection, so a series that disappears is not repeated.</summary>
    public bool Observable { get; }

    public static InstrumentSeries For(Instrument instrument, double[] defaultBuckets)
    {
        var type = instrument.GetType().GetGenericTypeDefinition();
        var counter = type == typeof(Counter<>) || type == typeof(ObservableCounter<>);
        var kind = type == typeof(Histogram<>) ? Kind.Histogram : type == typeof(Counter<>) || type == typeof(UpDownCounter<>) ? Kind.Sum : Kind.Last;
        var bounds = (instrument as Instrument<double>)?.Advice?.HistogramBucketBoundaries?.ToArray() ?? defaultBuckets;
        return new InstrumentSeries(PrometheusText.FamilyName(instrument.Name, instrument.Unit, counter), kind, counter, instrument.IsObservable, instrument.Description, bounds);
    }

    public void Clear()
    {
        _values.Clear();
        _histograms.Clear();
    }

    public void Record(LabelSet labels, double value)
    {
        switch (_kind)
        {
            case Kind.Sum:
                _values[labels] = _values.GetValueOrDefault(labels) + value;
                break;
            case Kind.Last:
                _values[labels] = value;
                break;
            default:
                if (!_histograms.TryGetValue(labels, out var histogram))
                {
                    _histograms[labels] = histogram = new Histogram(new long[_bounds.Length]);
                }

                histogram.Add(_bounds, value);
                break;
        }
    }

    public void Render(StringBuilder text)
    {
        if (_kind == Kind.Histogram)
        {
            PrometheusText.Family(text, Name, "histogram", _help);
            foreach (var (labels, histogram) in _histograms)
            {
                var cumulative = 0L;
                for (var i = 0; i < _bounds.Length; i++)
                {
                    cumulative += histogram.Buckets[i];
                    PrometheusText.Sample(text, Name + "_bucket", labels.With("le", PrometheusText.Number(_bounds[i])), cumulative);
                }

                PrometheusText.Sample(text, Name + "_bucket", labels.With("le", "+Inf"), histogram.Count);
                PrometheusText.Sample(text, Name + "_sum", labels.Pairs, histogram.Sum);
                PrometheusText.Sample(text, Name + "_count", labels.Pairs, histogram.Count);
            }

            return;
        }

        PrometheusText.Family(text, Name, _counter ? "counter" : "gauge", _help);
        foreach (var (labels, value) in _values)
        {
            PrometheusText.Sample(text, Name, labels.Pairs, value);
        }
    }

    /// <summary>Per-bucket (not yet cumulative) counts; the last value above every bound lands only in +Inf.</summary>
    private sealed class Histogram(long[] buckets)
    {
        public long[] Buckets { get; } = buckets;

        public long Count { get; private set; }

        public double Sum { get; private set; }

        public void Add(double[] bounds, double value)
        {
            var index = Array.FindIndex(bounds, b => value <= b);
            if (index >= 0)
            {
                Buckets[index]++;
            }

            Count++;
            Sum += value;
        }
    }
}
