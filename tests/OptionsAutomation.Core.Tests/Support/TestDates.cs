namespace OptionsAutomation.Core.Tests.Support;

/// <summary>Fixed instants shared by the tests. March 2026: DST in New York starts on March 8.</summary>
internal static class TestDates
{
    /// <summary>Friday 2026-02-20 10:00 in New York.</summary>
    public static readonly DateTimeOffset OpenedAt = new(2026, 2, 20, 15, 0, 0, TimeSpan.Zero);

    /// <summary>Thursday 2026-03-05 10:00 in New York; every default close happens before this.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 5, 15, 0, 0, TimeSpan.Zero);

    /// <summary>Wednesday 2026-03-04 15:00 in New York.</summary>
    public static readonly DateTimeOffset ClosedAt = new(2026, 3, 4, 20, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Expiration = new(2026, 3, 20);

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
