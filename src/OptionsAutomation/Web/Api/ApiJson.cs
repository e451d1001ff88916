using System.Text.Json;
using System.Text.Json.Serialization;
using OptionsAutomation.Infrastructure.Json;

namespace OptionsAutomation.Web.Api;

/// <summary>
/// The API writes the CLI's <c>--json</c> shape: <see cref="DomainJson"/>'s snake_case names and domain codes, and
/// statistics that are NaN or infinite as the strings "NaN", "Infinity", "-Infinity" (as <c>report --json</c> does).
/// Request bodies with a key twice are refused.
/// </summary>
internal static class ApiJson
{
    public static void Apply(JsonSerializerOptions target)
    {
        var source = DomainJson.Options;
        target.PropertyNamingPolicy = source.PropertyNamingPolicy;
        target.Encoder = source.Encoder;
        target.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        // {"reason":"a","reason":"b"} is refused (400), not read as whichever came last: a body means one thing.
        target.AllowDuplicateProperties = false;
        foreach (var converter in source.Converters)
        {
            target.Converters.Add(converter);
        }
    }
}
