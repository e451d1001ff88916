namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>
/// No usable access token: no refresh token stored, the sign-in server refused the refresh token, or the API still
/// answered 401 after a fresh token. Trading fails closed on it; <c>optauto broker login</c> is the remedy. The message
/// never holds a token.
/// </summary>
public sealed class TradeStationAuthException(string message) : Exception(message);
