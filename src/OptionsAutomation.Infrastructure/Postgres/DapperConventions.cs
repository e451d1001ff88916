using Dapper;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// Dapper's global settings for this schema (snake_case columns onto PascalCase properties). Every class
/// that maps rows calls <see cref="Apply"/> from its static constructor, so the setting holds whichever
/// of them a process happens to use first.
/// </summary>
internal static class DapperConventions
{
    static DapperConventions() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    /// <summary>Runs the static constructor once; nothing else to do.</summary>
    public static void Apply()
    {
    }
}
