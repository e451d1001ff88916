using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OptionsAutomation.Cli;

/// <summary>
/// Writes a table only when it fits the output width with words whole (cells may wrap between words); otherwise one
/// record per block ("column  value" lines), so a narrow terminal never squashes headers and ids to "Req… Sta…".
/// The width is the terminal's, or for redirected output <c>COLUMNS</c> when set, else <see cref="CliOutput.RedirectedWidth"/>.
/// </summary>
internal static class FittedTable
{
    /// <summary>Wider than any cell: a cell is measured on one line per line it holds.</summary>
    private const int UnlimitedWidth = 10_000;

    private const string Ellipsis = "…";

    public static void Write(Table table)
    {
        var headers = table.Columns.Select(c => Plain(c.Header, UnlimitedWidth)).ToList();
        var rows = table.Rows.Select(row => row.Select(cell => Plain(cell, UnlimitedWidth)).ToList()).ToList();
        var noWrap = table.Columns.Select(c => c.NoWrap).ToList();
        if (MinimumWidth(headers, rows, noWrap) <= CliOutput.Width && !Squashed(table, headers, rows))
        {
            AnsiConsole.Write(table);
            return;
        }

        AnsiConsole.Write(new Text(Blocks(headers, rows)));
    }

    /// <summary>
    /// The narrowest the table can be without breaking a word: a column may wrap between words unless it is NoWrap,
    /// plus Spectre's default padding (a space each side of a cell) and a border between and around columns.
    /// </summary>
    private static int MinimumWidth(List<string> headers, List<List<string>> rows, List<bool> noWrap) =>
        headers.Select((header, i) => rows.Select(r => r[i]).Append(header).Max(cell => Narrowest(cell, noWrap[i])) + 3).Sum() + 1;

    private static int Narrowest(string cell, bool noWrap) =>
        cell.Split(noWrap ? ['\n'] : ['\n', ' '], StringSplitOptions.None).Max(part => part.Length);

    /// <summary>Whether Spectre, laying the table out at the width, still cuts a header or cell short with "…".</summary>
    private static bool Squashed(Table table, List<string> headers, List<List<string>> rows) =>
        !headers.Concat(rows.SelectMany(r => r)).Any(cell => cell.Contains(Ellipsis, StringComparison.Ordinal))
        && Plain(table, CliOutput.Width).Contains(Ellipsis, StringComparison.Ordinal);

    private static string Blocks(List<string> headers, List<List<string>> rows)
    {
        // A column without a header (a marker column) is labelled by its position, so its value is not left unnamed.
        var labels = headers.Select((h, i) => h.Length > 0 ? h : $"#{i + 1}").ToList();
        var labelWidth = labels.Max(l => l.Length);
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            for (var i = 0; i < labels.Count; i++)
            {
                var lines = row[i].Split('\n');
                text.Append((labels[i].PadRight(labelWidth) + "  " + lines[0]).TrimEnd()).Append('\n');
                foreach (var line in lines.Skip(1))
                {
                    text.Append(' ', labelWidth + 2).Append(line).Append('\n');
                }
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A renderable as plain text at <paramref name="width"/>, without colour or markup.</summary>
    private static string Plain(IRenderable renderable, int width)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        console.Write(renderable);
        return string.Join('\n', writer.ToString().Replace("\r", "", StringComparison.Ordinal).TrimEnd('\n').Split('\n').Select(l => l.TrimEnd()));
    }
}
