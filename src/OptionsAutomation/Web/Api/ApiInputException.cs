namespace OptionsAutomation.Web.Api;

/// <summary>A query parameter, route value or body the API cannot use; answered 400 with the message as detail.</summary>
internal sealed class ApiInputException(string message) : Exception(message);
