using System.Text;
using System.Text.RegularExpressions;

namespace OptionsAutomation.Cli;

/// <summary>
/// Joins an ES module and the modules it imports (relative paths) into one script for an HTML file that must load
/// nothing: each imported module runs once, in dependency order, inside its own function scope (so top-level names
/// never collide), and hands its importers the names they import. Understands the forms the dashboard's modules use —
/// one-line <c>import X from '…'</c> and <c>import { a, b as c } from '…'</c>, <c>export</c> before a declaration, and
/// <c>export { x as default }</c>; the browser tests open a report, so a form it misses fails there.
/// </summary>
internal static partial class EsModuleInliner
{
    public static string Bundle(string entryPath)
    {
        var order = new List<string>();
        Visit(Path.GetFullPath(entryPath), order, []);
        var names = order.Select((path, i) => (path, i)).ToDictionary(p => p.path, p => $"__module{p.i}");
        var sources = order.ToDictionary(p => p, p => File.ReadAllText(p).ReplaceLineEndings("\n"));
        // Each module hands on exactly what its importers name (read from their import lines, not from its export
        // lines, which a comment could hold: uPlot's source has an `export function` inside a block comment).
        var wanted = order.ToDictionary(p => p, _ => new SortedSet<string>(StringComparer.Ordinal));
        foreach (var path in order)
        {
            foreach (Match import in ImportLine().Matches(sources[path]))
            {
                wanted[Resolve(path, import.Groups["from"].Value)].UnionWith(Imported(import));
            }
        }

        var script = new StringBuilder();
        foreach (var path in order)
        {
            if (sources[path].Contains("</script", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{path} contains '</script', which would end the inline script early.");
            }

            var body = ImportLine().Replace(sources[path], m => Binding(m, names[Resolve(path, m.Groups["from"].Value)]));
            if (path == order[^1])
            {
                script.Append(body);
                continue;
            }

            var fallback = ExportedDefault().Match(body);
            body = ExportedDefault().Replace(ExportKeyword().Replace(body, ""), "");
            var members = wanted[path].Select(name => name != "default" ? name
                : fallback.Success ? $"default: {fallback.Groups["name"].Value}"
                : throw new InvalidOperationException($"{path} has no `export {{ x as default }}` for its importers."));
            script.Append(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"const {names[path]} = (() => {{\n{body}\nreturn {{ {string.Join(", ", members)} }};\n}})();\n"));
        }

        return script.ToString();
    }

    /// <summary>Depth first: a module's imports come before it; each module once.</summary>
    private static void Visit(string path, List<string> order, HashSet<string> visiting)
    {
        if (order.Contains(path) || !visiting.Add(path))
        {
            return;
        }

        foreach (Match import in ImportLine().Matches(File.ReadAllText(path).ReplaceLineEndings("\n")))
        {
            Visit(Resolve(path, import.Groups["from"].Value), order, visiting);
        }

        order.Add(path);
    }

    private static string Resolve(string importer, string specifier) =>
        specifier.StartsWith("./", StringComparison.Ordinal) || specifier.StartsWith("../", StringComparison.Ordinal)
            ? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(importer)!, specifier))
            : throw new InvalidOperationException($"{importer}: only relative imports can be inlined, not '{specifier}'.");

    /// <summary>The names an import line takes from its module (<c>default</c> for <c>import X from</c>).</summary>
    private static IEnumerable<string> Imported(Match import) =>
        Bindings(import) is { } named ? named.Select(b => b.Split(" as ")[0]) : ["default"];

    private static string[]? Bindings(Match import)
    {
        var what = import.Groups["what"].Value.Trim();
        return what.StartsWith('{') ? what.Trim('{', '}').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null;
    }

    /// <summary><c>import X from</c> → <c>const X = m.default</c>; <c>import { a, b as c } from</c> → <c>const { a, b: c } = m</c>.</summary>
    private static string Binding(Match import, string module) =>
        Bindings(import) is { } named
            ? $"const {{ {string.Join(", ", named.Select(b => b.Replace(" as ", ": ", StringComparison.Ordinal)))} }} = {module};"
            : $"const {import.Groups["what"].Value.Trim()} = {module}.default;";

    [GeneratedRegex(@"^import (?<what>[\w$]+|\{[^}]*\}) from '(?<from>[^']+)';[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex ImportLine();

    [GeneratedRegex(@"^export (?=(?:async )?(?:function|class|const|let) )", RegexOptions.Multiline)]
    private static partial Regex ExportKeyword();

    [GeneratedRegex(@"^export \{ ?(?<name>[\w$]+) as default ?\};?[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex ExportedDefault();
}
