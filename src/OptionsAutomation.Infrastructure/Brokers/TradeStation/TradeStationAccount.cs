namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>The account orders go to, as the broker describes it.</summary>
public sealed record TradeStationAccount(string AccountId, string AccountType, string Status, int? OptionApprovalLevel);
