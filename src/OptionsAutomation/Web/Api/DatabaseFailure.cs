using Npgsql;

namespace OptionsAutomation.Web.Api;

/// <summary>
/// Tells "the database cannot be reached" (503: retry later) from a database error in a statement (500: a bug).
/// </summary>
internal static class DatabaseFailure
{
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = (Exception?)exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Connection classes (08), resources (53: too many connections), shutdown and start-up (57P), missing database.
                case PostgresException p:
                    return p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || p.SqlState.StartsWith("57P", StringComparison.Ordinal) || p.SqlState == PostgresErrorCodes.InvalidCatalogName;
                // Not a server answer: refused or broken connection, timeout, pool exhausted.
                case NpgsqlException:
                    return true;
            }
        }

        return false;
    }
}
