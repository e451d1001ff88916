using System.Text.Json.Nodes;

namespace OptionsAutomation.Web.Health;

/// <summary>
/// What <c>/health</c> may say about a failure: the first line of a message, never a stack trace or the text of the
/// exceptions inside it (some libraries put <c>inner.ToString()</c>, frames and all, into their own message).
/// Applied to every string of the report when it is written, so a check added later is covered too.
/// </summary>
internal static class HealthText
{
    public const int MaxLength = 300;

    private static readonly string[] Cuts = ["\r", "\n", " ---> ", "   at "];

    public static string Sanitize(string text)
    {
        var end = Cuts.Select(cut => text.IndexOf(cut, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(text.Length).Min();
        var line = text[..end].TrimEnd();
        return line.Length <= MaxLength ? line : string.Concat(line.AsSpan(0, MaxLength - 1), "…");
    }

    /// <summary>Sanitizes every string value in <paramref name="node"/> in place; names and shape stay as they are.</summary>
    public static void SanitizeAll(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject members:
                foreach (var (_, value) in members.ToList())
                {
                    SanitizeAll(value);
                }

                break;
            case JsonArray items:
                foreach (var item in items.ToList())
                {
                    SanitizeAll(item);
                }

                break;
            case JsonValue leaf when leaf.TryGetValue<string>(out var text):
                leaf.ReplaceWith(Sanitize(text));
                break;
        }
    }
}
