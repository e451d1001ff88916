namespace OptionsAutomation.Core.Calendar;

/// <summary>A weekday on which the exchange is closed all day, with the holiday or event it is closed for.</summary>
public sealed record MarketHoliday(DateOnly Date, string Name);
