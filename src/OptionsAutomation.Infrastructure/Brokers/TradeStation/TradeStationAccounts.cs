using System.Globalization;
using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>
/// The account in use and what the broker says about it. The account is <c>Broker:TradeStation:AccountId</c> when set
/// (it must be listed), else the single active account; several active accounts without a setting is a configuration
/// error naming them, never a guess. Per-account <c>Errors</c> inside a 200 are failures.
/// </summary>
public sealed class TradeStationAccounts(TradeStationClient client, TradeStationSettings settings)
{
    private TradeStationAccount? _account;

    public async Task<TradeStationAccount> GetAsync(CancellationToken cancellationToken)
    {
        if (_account is { } known)
        {
            return known;
        }

        var answer = await client.GetAsync<TsAccountsAnswer>("brokerage/accounts", RateCategory.Accounts, cancellationToken).ConfigureAwait(false);
        var accounts = answer.Accounts ?? [];
        var key = $"{TradeStationSettings.SectionName}:{nameof(TradeStationSettings.AccountId)}";
        TsAccountItem chosen;
        if (!string.IsNullOrWhiteSpace(settings.AccountId))
        {
            chosen = accounts.FirstOrDefault(a => string.Equals(a.AccountID, settings.AccountId.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidConfigurationException([$"{key} '{settings.AccountId}' is not among this login's accounts ({Ids(accounts)})."]);
        }
        else
        {
            var active = accounts.Where(a => string.Equals(a.Status, "Active", StringComparison.OrdinalIgnoreCase)).ToList();
            chosen = active.Count switch
            {
                1 => active[0],
                0 => throw new InvalidConfigurationException([$"{key} is not set and this login has no active account ({Ids(accounts)})."]),
                _ => throw new InvalidConfigurationException([$"{key} must name one of the active accounts {Ids(active)}."]),
            };
        }

        _account = new TradeStationAccount(chosen.AccountID, chosen.AccountType ?? "", chosen.Status ?? "", chosen.AccountDetail?.OptionApprovalLevel);
        return _account;
    }

    /// <summary>
    /// Cash is <c>CashBalance</c>; what is free for new collateral is the option buying power (<c>BalanceDetail.OptionBuyingPower</c>,
    /// else <c>BuyingPower</c>), so the collateral held is the difference; equity is the broker's <c>Equity</c>.
    /// </summary>
    public async Task<BrokerAccount> GetBalancesAsync(CancellationToken cancellationToken)
    {
        var account = await GetAsync(cancellationToken).ConfigureAwait(false);
        var answer = await client.GetAsync<TsBalancesAnswer>(
            $"brokerage/accounts/{Uri.EscapeDataString(account.AccountId)}/balances", RateCategory.Balances, cancellationToken).ConfigureAwait(false);
        ThrowOnErrors(answer.Errors);
        var balance = answer.Balances?.FirstOrDefault(b => b.AccountID == account.AccountId)
            ?? throw new TradeStationApiException(System.Net.HttpStatusCode.OK, "NoBalances", $"no balances for account {account.AccountId}");
        var cash = Required(balance.CashBalance, "CashBalance");
        var free = TradeStationJson.ParseDecimal(balance.BalanceDetail?.OptionBuyingPower) ?? Required(balance.BuyingPower, "BuyingPower");
        return new BrokerAccount(cash, Math.Max(0m, cash - free), Required(balance.Equity, "Equity"));
    }

    /// <summary>Option positions (asset type STOCKOPTION); other holdings are not this worker's.</summary>
    public async Task<IReadOnlyList<BrokerPosition>> GetOptionPositionsAsync(CancellationToken cancellationToken)
    {
        var account = await GetAsync(cancellationToken).ConfigureAwait(false);
        var answer = await client.GetAsync<TsPositionsAnswer>(
            $"brokerage/accounts/{Uri.EscapeDataString(account.AccountId)}/positions", RateCategory.Positions, cancellationToken).ConfigureAwait(false);
        ThrowOnErrors(answer.Errors);
        var positions = new List<BrokerPosition>();
        foreach (var p in answer.Positions ?? [])
        {
            if (!string.Equals(p.AssetType, "STOCKOPTION", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!TradeStationSymbols.TryParse(p.Symbol, out var contract))
            {
                throw new TradeStationApiException(System.Net.HttpStatusCode.OK, "UnreadableSymbol", $"position symbol '{p.Symbol}' is not an option symbol");
            }

            positions.Add(new BrokerPosition(contract, decimal.ToInt32(Required(p.Quantity, "Quantity")), Required(p.AveragePrice, "AveragePrice")));
        }

        return positions;
    }

    /// <summary>Per-account errors arrive inside a 200: each one is a failure of the call.</summary>
    internal static void ThrowOnErrors(IReadOnlyList<TsErrorItem>? errors)
    {
        if (errors is { Count: > 0 })
        {
            throw new TradeStationApiException(System.Net.HttpStatusCode.OK, errors[0].Error ?? "Error", string.Join("; ", errors.Select(e => $"{e.AccountID ?? e.OrderID}: {e.Text}")));
        }
    }

    private static decimal Required(string? text, string field) =>
        TradeStationJson.ParseDecimal(text) ?? throw new TradeStationApiException(System.Net.HttpStatusCode.OK, "BadNumber", $"{field} '{text}' is not a number");

    private static string Ids(IEnumerable<TsAccountItem> accounts) =>
        string.Join(", ", accounts.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.AccountID} ({a.Status})"))) is { Length: > 0 } list ? list : "none";
}
