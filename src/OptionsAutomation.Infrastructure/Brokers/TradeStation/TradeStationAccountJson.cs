namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

// The brokerage shapes: accounts, balances, positions.
internal sealed record TsAccountDetail(int? OptionApprovalLevel);

internal sealed record TsAccountItem(string AccountID, string? Status, string? AccountType, TsAccountDetail? AccountDetail);

internal sealed record TsAccountsAnswer(IReadOnlyList<TsAccountItem>? Accounts);

internal sealed record TsBalanceDetail(string? OptionBuyingPower);

internal sealed record TsBalance(string AccountID, string? CashBalance, string? BuyingPower, string? Equity, TsBalanceDetail? BalanceDetail);

internal sealed record TsBalancesAnswer(IReadOnlyList<TsBalance>? Balances, IReadOnlyList<TsErrorItem>? Errors);

internal sealed record TsPosition(string? AccountID, string? Symbol, string? AssetType, string? Quantity, string? AveragePrice);

internal sealed record TsPositionsAnswer(IReadOnlyList<TsPosition>? Positions, IReadOnlyList<TsErrorItem>? Errors);
