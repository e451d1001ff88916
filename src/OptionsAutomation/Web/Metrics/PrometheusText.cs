using System.Globalization;
using System.Text;

namespace OptionsAutomation.Web.Metrics;

/// <summary>
/// Writes the Prometheus text exposition format (version 0.0.4): a HELP and a TYPE line per metric family, then one
/// sample per line; label values escape backslash, double quote and newline, HELP text backslash and newline.
/// </summary>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>
    /// The family name of an instrument: dots to underscores, a unit suffix for seconds and dollars, and <c>_total</c>
    /// for counters, as Prometheus' naming conventions ask.
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

    public static void Family(StringBuilder text, string name, string type, string? help)
    {
        if (!string.IsNullOrEmpty(help))
        {
            text.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
        }

        text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
    }

    public static void Sample(StringBuilder text, string name, IEnumerable<KeyValuePair<string, string>> labels, double value)
    {
        text.Append(name);
        var first = true;
        foreach (var (key, labelValue) in labels)
        {
            text.Append(first ? '{' : ',').Append(key).Append("=\"").Append(Escape(labelValue)).Append('"');
            first = false;
        }

        text.Append(first ? "" : "}").Append(' ').Append(Number(value)).Append('\n');
    }

    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
