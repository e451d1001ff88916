using System.Net;
using System.Text;

namespace OptionsAutomation.Cli;

/// <summary>
/// One HTML file that needs nothing else, for <c>backtest --report</c>, <c>report weekly|monthly --html</c> and the
/// published performance page (<c>publish --out</c>): the
/// dashboard's stylesheets, uPlot and a dashboard page's own drawing script (through <see cref="EsModuleInliner"/>)
/// inline, the data as JSON beside them. Its own CSP (<c>default-src 'none'</c>) keeps a browser from fetching anything
/// while showing it. No clock is read: the same data gives the same bytes.
/// </summary>
/// <param name="Styles">stylesheets under wwwroot, after uPlot's and the dashboard's.</param>
/// <param name="Script">the module under wwwroot/js that reads the data element and draws into the main one.</param>
/// <param name="MainHtml">what the main element holds before the script runs (the sections it fills in), if anything.</param>
/// <param name="SiblingImages">whether the page may show images from beside it (the published page's <c>card.png</c>);
/// otherwise it makes no request of any kind.</param>
internal sealed record StandalonePage(
    string Title, string MainId, string MainClass, string DataId, IReadOnlyList<string> Styles, string Script, string MainHtml = "", bool SiblingImages = false)
{
    /// <summary>Inline script and styles only; images as data: URLs (should a chart make one) and, when allowed, from beside the page.</summary>
    private string Policy =>
        $"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src {(SiblingImages ? "'self' " : "")}data:; base-uri 'none'; form-action 'none'";

    private static string WebRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    /// <param name="json">the data, serialized by a serializer that escapes &lt;, &gt; and &amp; (System.Text.Json's default
    /// encoder), so no text in it can close the script element.</param>
    public string Render(string json)
    {
        var styles = new StringBuilder().Append(Asset("vendor/uPlot.min.css")).Append('\n').Append(Asset("css/dashboard.css"));
        foreach (var style in Styles)
        {
            styles.Append('\n').Append(Asset(style));
        }

        return new StringBuilder()
            .Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(Policy).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(Title)).Append("</title>\n<style>\n")
            .Append(styles)
            .Append("</style>\n</head>\n<body>\n<header class=\"topbar\"><div class=\"brand\"><h1>")
            .Append(WebUtility.HtmlEncode(Title)).Append("</h1></div></header>\n")
            .Append("<main id=\"").Append(MainId).Append("\" class=\"").Append(MainClass).Append("\">").Append(MainHtml).Append("</main>\n")
            .Append("<script type=\"application/json\" id=\"").Append(DataId).Append("\">").Append(json).Append("</script>\n")
            .Append("<script type=\"module\">\n").Append(EsModuleInliner.Bundle(Path.Combine(WebRoot, "js", Script))).Append("</script>\n")
            .Append("</body>\n</html>\n")
            .ToString();
    }

    private static string Asset(string relative)
    {
        var text = File.ReadAllText(Path.Combine(WebRoot, relative)).ReplaceLineEndings("\n");
        return text.Contains("</style", StringComparison.OrdinalIgnoreCase)
            ? throw new InvalidOperationException($"wwwroot/{relative} contains '</style', which would end the inline styles early.")
            : text;
    }
}
