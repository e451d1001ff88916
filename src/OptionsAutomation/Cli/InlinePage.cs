using System.Net;
using System.Text;

namespace OptionsAutomation.Cli;

/// <summary>
/// What the self-contained HTML files (the backtest report, the published performance page) share: the head with their
/// own CSP and the dashboard's stylesheets inline, and the wwwroot files they inline.
/// </summary>
internal static class InlinePage
{
    public static string WebRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    /// <summary>Everything up to the open body: charset, <paramref name="policy"/>, viewport, title and the stylesheets (wwwroot paths) inline.</summary>
    public static StringBuilder Head(string title, string policy, params string[] stylesheets)
    {
        var html = new StringBuilder()
            .Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(policy).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n<style>\n")
            .AppendJoin('\n', stylesheets.Select(Asset));
        return html.Append("</style>\n</head>\n<body>\n<header class=\"topbar\"><div class=\"brand\"><h1>")
            .Append(WebUtility.HtmlEncode(title)).Append("</h1></div></header>\n");
    }

    /// <summary>The page's drawing script: <paramref name="entry"/> (under wwwroot/js) with its imports, as one module.</summary>
    public static string Script(string entry) => EsModuleInliner.Bundle(Path.Combine(WebRoot, "js", entry));

    private static string Asset(string relative)
    {
        var text = File.ReadAllText(Path.Combine(WebRoot, relative)).ReplaceLineEndings("\n");
        return text.Contains("</style", StringComparison.OrdinalIgnoreCase)
            ? throw new InvalidOperationException($"wwwroot/{relative} contains '</style', which would end the inline styles early.")
            : text;
    }
}
